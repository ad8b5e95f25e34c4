/**
 * The standard update rules of the MLP framework, each registered by name through an
 * {@link dev.mlp.api.spi.OptimizerProvider} in
 * {@code META-INF/services/dev.mlp.api.spi.OptimizerProvider}.
 *
 * <table>
 *   <caption>Optimizers ({@code g} is the gradient of the batch's mean loss)</caption>
 *   <tr><th>spec</th><th>step</th></tr>
 *   <tr><td>{@code sgd(lr=0.01)}</td><td>{@code w <- w - lr g}</td></tr>
 *   <tr><td>{@code normalized-gradient(lr=0.01)}</td>
 *       <td>{@code w <- w - lr g / ||g||}, norm over all blocks together</td></tr>
 *   <tr><td>{@code momentum(lr=0.01, mu=0.9)}</td>
 *       <td>{@code v <- mu v - lr g; w <- w + v}</td></tr>
 *   <tr><td>{@code adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8)}</td>
 *       <td>Kingma and Ba (2015), with bias correction</td></tr>
 * </table>
 *
 * <p>Each optimizer is an immutable, thread-safe configuration object whose
 * {@link dev.mlp.api.Optimizer#start(dev.mlp.api.ParameterLayout) start} allocates all per-run
 * state (velocities, moments) up front; {@link dev.mlp.api.OptimizerState#update update} then
 * allocates nothing. The constructors validate their arguments against the same
 * {@link dev.mlp.api.spec.ParameterSpec}s the providers declare, so a value accepted in a spec
 * string is accepted in Java code and vice versa.
 *
 * <p>{@code update} checks that it is given one parameter array and one gradient array per block
 * of the layout, each at least as long as the block; only the first {@code size} entries of each
 * array are read or written (the same convention as the batch arrays of {@link dev.mlp.api}).
 */
package dev.mlp.optimizers;
