/**
 * Guice wiring: {@link dev.mlp.core.inject.MlpModule} binds the discovered plugins as
 * {@code MapBinder}s keyed by name and the trainer's collaborators.
 */
package dev.mlp.core.inject;
