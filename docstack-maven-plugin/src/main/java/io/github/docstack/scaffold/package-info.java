/**
 * A new docstack/ directory, .dockerignore and Jenkinsfile for a project, from the templates in the plugin jar that
 * the archetype is generated from too. Uses the manifest package to check what it writes.
 */
package io.github.docstack.scaffold;
