/**
 * Files docstack writes that must never be seen half written or by another user: secrets and rendered outputs,
 * 0600 and written atomically. Imports no other docstack package.
 */
package io.github.docstack.files;
