/**
 * The Docker engine, behind {@link io.github.docstack.engine.Engine}: where it is found, how long a call may take,
 * images (build, tag, push, pull, inspect), containers, networks, volumes and Swarm services. The only package that
 * imports fabric8's Docker client, and it imports no other docstack package: its failures are typed
 * ({@link io.github.docstack.engine.EngineException} and its kinds) for the callers to word.
 */
package io.github.docstack.engine;
