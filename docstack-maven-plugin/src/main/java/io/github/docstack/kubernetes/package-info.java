/**
 * A stack's plan written out as Kubernetes manifests. The only package that imports fabric8's Kubernetes model;
 * it reads the plan from the stack package and never talks to an engine.
 */
package io.github.docstack.kubernetes;
