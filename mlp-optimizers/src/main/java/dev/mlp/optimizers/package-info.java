/**
 * The standard update rules of the MLP framework, each registered by name through an
 * {@link dev.mlp.api.spi.OptimizerProvider} in
 * {@code META-INF/services/dev.mlp.api.spi.OptimizerProvider}.
 *
 * <table>
 *   <caption>Optimizers ({@code g} is the gradient of the batch's mean loss)</caption>
 *   <tr><th>spec</th><th>step</th></tr>
 *   <tr><td>{@code sgd(lr=0.01)}</td><td>{@code w <- w - lr g}</td></tr>
 *   <tr><td>{@code normalized-gradient(lr=0.01, scope=global, momentum=0.0)}</td>
 *       <td>{@code w <- w - lr g / ||g||}, norm over all blocks together, per layer or per
 *       parameter; optional momentum of the normalized direction</td></tr>
 *   <tr><td>{@code momentum(lr=0.01, mu=0.9)}</td>
 *       <td>{@code v <- mu v - lr g; w <- w + v}</td></tr>
 *   <tr><td>{@code adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8)}</td>
 *       <td>Kingma and Ba (2015), with bias correction</td></tr>
 *   <tr><td>{@code nesterov(lr=0.01, mu=0.9)}</td>
 *       <td>{@code v <- mu v - lr g; w <- w + mu v - lr g}</td></tr>
 *   <tr><td>{@code adagrad(lr=0.01, epsilon=1.0E-10)}</td><td>Duchi et al. (2011)</td></tr>
 *   <tr><td>{@code rmsprop(lr=0.001, rho=0.9, epsilon=1.0E-8)}</td>
 *       <td>Tieleman and Hinton (2012)</td></tr>
 *   <tr><td>{@code adadelta(lr=1.0, rho=0.95, epsilon=1.0E-6)}</td><td>Zeiler (2012)</td></tr>
 *   <tr><td>{@code adamw(..., decay=0.01)}</td>
 *       <td>Loshchilov and Hutter (2019), decoupled decay on weight blocks</td></tr>
 *   <tr><td>{@code adamax(lr=0.002, ...)}</td><td>Kingma and Ba (2015), infinity norm</td></tr>
 *   <tr><td>{@code nadam(lr=0.002, ..., momentum-decay=0.004)}</td>
 *       <td>Dozat (2016), PyTorch's formulation</td></tr>
 *   <tr><td>{@code amsgrad(lr=0.001, ...)}</td><td>Reddi et al. (2018), bias-corrected</td></tr>
 *   <tr><td>{@code rprop(eta-plus=1.2, eta-minus=0.5, initial-step=0.1, ...)}</td>
 *       <td>iRprop- (Igel and Huesken 2000), full-batch, no learning rate</td></tr>
 *   <tr><td>{@code lion(lr=1.0E-4, beta1=0.9, beta2=0.99, decay=0.0)}</td>
 *       <td>Chen et al. (2023): sign of an interpolated momentum, decoupled decay</td></tr>
 *   <tr><td>{@code radam(lr=0.001, ...)}</td>
 *       <td>Liu et al. (2020), rectified once {@code rho_t > 5} (PyTorch's form)</td></tr>
 *   <tr><td>{@code adam-belief(lr=0.001, ..., epsilon=1.0E-16)}</td>
 *       <td>Zhuang et al. (2020): Adam scaled by the deviation {@code (g - m)^2}</td></tr>
 *   <tr><td>{@code lookahead(inner=adam(lr=0.001, ...), k=5, alpha=0.5)}</td>
 *       <td>Zhang et al. (2019) around another optimizer, given as a nested spec: {@code k}
 *       steps forward, slow weights {@code alpha} of the way</td></tr>
 *   <tr><td>{@code schedule-free-adamw(lr=0.0025, ..., warmup=0)}</td>
 *       <td>Defazio et al. (2024): gradient at an interpolation {@code y} of iterate and
 *       average; the trained network holds the average {@code x}</td></tr>
 *   <tr><td>{@code lbfgs(m=10, tol=1.0E-5, ftol=2.220446049250313E-9, maxls=20, ...)}</td>
 *       <td>Liu and Nocedal (1989) with the Moré-Thuente line search, as L-BFGS-B without
 *       bounds; a {@link dev.mlp.api.ObjectiveOptimizer}: full batch, evaluates the loss
 *       itself, no learning rate</td></tr>
 * </table>
 *
 * <p>Each optimizer is a record of its hyperparameters, checked in its compact constructor
 * against the {@code ParameterSpec}s it declares once (its {@code PARAMETERS}), with its run
 * state as a nested class on {@link dev.mlp.api.ElementwiseOptimizerState} (or
 * {@link dev.mlp.api.OptimizerRunState} for {@code normalized-gradient} and {@code lookahead});
 * its provider is a
 * {@link dev.mlp.api.spi.DeclaredProvider}.
 *
 * <p>Each optimizer is an immutable, thread-safe configuration object whose
 * {@link dev.mlp.api.Optimizer#start(dev.mlp.api.ParameterLayout) start} allocates all per-run
 * state (velocities, moments) up front; {@link dev.mlp.api.OptimizerState#update update} then
 * allocates nothing. The constructors validate their arguments against the same
 * {@link dev.mlp.api.spec.ParameterSpec}s the providers declare, so a value accepted in a spec
 * string is accepted in Java code and vice versa.
 *
 * <p>Every state exposes its learning rate ({@code learningRate()}, settable between steps,
 * except {@code rprop}'s, which has none) and copies itself to an
 * {@link dev.mlp.api.OptimizerSnapshot}: the step count, the current rate under {@code "lr"}
 * and every per-parameter array under {@code "<name>.<block index>"} (for example {@code m.0},
 * {@code v.0} for Adam). {@code restore} checks the optimizer's name and every array's length
 * before it changes anything; a restored state continues bit for bit as the original would have.
 *
 * <p>{@code update} checks that it is given one parameter array and one gradient array per block
 * of the layout, each at least as long as the block; only the first {@code size} entries of each
 * array are read or written (the same convention as the batch arrays of {@link dev.mlp.api}).
 *
 * <p>Every state except {@code normalized-gradient}'s (whose global and per-layer scopes divide
 * by a norm over many parameters), and {@code lookahead}'s around it, also implements
 * {@link dev.mlp.api.RangeUpdate}: a step can be cut into index ranges applied on several
 * threads, with the same bits as {@code update}, which is itself {@code beginStep}, one range per
 * block, {@code endStep}.
 */
package dev.mlp.optimizers;
