/**
 * One project's image: the build plan from its docstack/ directory (the release, build arguments, tags by the tag
 * policy, labels), the build itself, the package versions it holds, and its push and pull with retries. Knows nothing
 * of stacks or of Maven; it uses the engine, the manifest and Dockerfile grammar, and private files.
 */
package io.github.docstack.image;
