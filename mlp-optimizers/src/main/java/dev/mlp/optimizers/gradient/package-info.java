/**
 * Gradient transforms, applied by the trainer between the backward pass and the optimizer step
 * in the order they are configured, each registered by name through a
 * {@link dev.mlp.api.spi.GradientTransformProvider} in
 * {@code META-INF/services/dev.mlp.api.spi.GradientTransformProvider}.
 *
 * <table>
 *   <caption>Transforms ({@code g} is the gradient of the batch's mean loss, {@code w} the
 *   parameters)</caption>
 *   <tr><th>spec</th><th>change to {@code g}</th><th>penalty added to the loss</th></tr>
 *   <tr><td>{@code clip-value(max=1.0)}</td><td>{@code g_i <- clamp(g_i, -max, max)}</td>
 *       <td>0</td></tr>
 *   <tr><td>{@code clip-norm(max=1.0)}</td>
 *       <td>{@code g <- g * max / ||g||} if {@code ||g|| > max}, norm over all blocks</td>
 *       <td>0</td></tr>
 *   <tr><td>{@code l1(lambda=1.0E-4)}</td><td>{@code g_i <- g_i + lambda * sign(w_i)},
 *       weights only</td><td>{@code lambda * sum |w_i|}</td></tr>
 *   <tr><td>{@code l2(lambda=1.0E-4)}</td><td>{@code g_i <- g_i + lambda * w_i}, weights
 *       only</td><td>{@code (lambda / 2) * sum w_i^2}</td></tr>
 * </table>
 *
 * <p>Every transform checks that it gets one parameter and one gradient array per block of the
 * layout, each at least as long as the block, and touches only the first {@code size} entries;
 * parameters are never changed. A non-finite gradient is never made finite.
 */
package dev.mlp.optimizers.gradient;
