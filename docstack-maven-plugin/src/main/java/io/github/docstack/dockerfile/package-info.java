/**
 * Dockerfiles and .dockerignore files as the engine reads them: the instructions, their arguments and line numbers,
 * the base image a build argument picks, and which files of a build context are sent. Pure logic; it imports no other
 * docstack package.
 */
package io.github.docstack.dockerfile;
