/**
 * Spec strings: the short text that names a configured plugin everywhere (Java API, command line,
 * model files), such as {@code sigmoid}, {@code leaky-relu(alpha=0.01)} or
 * {@code mini-batch(size=32, shuffle=true)}. A value may itself be a spec, nested:
 * {@code lookahead(inner=adam(lr=0.01, beta1=0.8), k=5)}.
 *
 * <p>{@link dev.mlp.api.spec.Spec} parses the text; {@link dev.mlp.api.spec.ParameterSpec}
 * declares what a plugin accepts (a {@link dev.mlp.api.spec.ParameterSpec#plugin plugin parameter}
 * takes another plugin's spec); {@link dev.mlp.api.spec.Parameters} holds validated values, the
 * plugins of nested specs resolved through a {@link dev.mlp.api.spi.PluginLookup}.
 * Every failure is a {@link dev.mlp.api.spec.SpecException} whose message says what was wrong and
 * what would have been accepted.
 */
package dev.mlp.api.spec;
