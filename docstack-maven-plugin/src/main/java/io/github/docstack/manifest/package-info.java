/**
 * The docstack/ directory's grammar: the manifest (docstack.yaml) read with each value's line and column, every
 * validation rule (one home each, with its id, text and fix), and the reference pages generated from them. Pure
 * logic over files; it uses only the Dockerfile package, to check a manifest against its Dockerfile.
 */
package io.github.docstack.manifest;
