/**
 * Stacks: the stack file, each project resolved to an image, capabilities wired into a deployment, the run of its
 * units (up, down, status, logs) with readiness, locks and secrets, watch, verify and the Compose export. Knows
 * nothing of Maven; it uses images, the engine, the manifest and private files.
 */
package io.github.docstack.stack;
