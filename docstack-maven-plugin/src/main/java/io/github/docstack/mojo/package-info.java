/**
 * The Maven goals: each reads its parameters, calls one class of the library and turns what the library reports in
 * types into words for the Maven user (which goal or -D property helps). The only package that imports Maven, and
 * no other package imports it.
 */
package io.github.docstack.mojo;
