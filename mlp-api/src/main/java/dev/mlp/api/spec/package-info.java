/**
 * Spec strings: the short text that names a configured plugin everywhere (Java API, command line,
 * model files), such as {@code sigmoid}, {@code leaky-relu(alpha=0.01)} or
 * {@code mini-batch(size=32, shuffle=true)}.
 *
 * <p>{@link dev.mlp.api.spec.Spec} parses the text; {@link dev.mlp.api.spec.ParameterSpec}
 * declares what a plugin accepts; {@link dev.mlp.api.spec.Parameters} holds validated values.
 * Every failure is a {@link dev.mlp.api.spec.SpecException} whose message says what was wrong and
 * what would have been accepted.
 */
package dev.mlp.api.spec;
