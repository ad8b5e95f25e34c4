/**
 * Learning-rate schedules, each registered by name through a
 * {@link dev.mlp.api.spi.LearningRateScheduleProvider} in
 * {@code META-INF/services/dev.mlp.api.spi.LearningRateScheduleProvider}.
 *
 * <table>
 *   <caption>Schedules ({@code base} is the optimizer's configured learning rate; epochs count
 *   from 1, steps from 0)</caption>
 *   <tr><th>spec</th><th>rate</th></tr>
 *   <tr><td>{@code constant}</td><td>{@code base}</td></tr>
 *   <tr><td>{@code step(every=10, factor=0.5)}</td>
 *       <td>{@code base * factor^floor((epoch - 1) / every)}</td></tr>
 *   <tr><td>{@code exponential(gamma=0.95)}</td><td>{@code base * gamma^(epoch - 1)}</td></tr>
 *   <tr><td>{@code inverse-scaling(power=0.5)}</td>
 *       <td>{@code base / ((epoch - 1) * stepsPerEpoch + 1)^power}, scikit-learn's
 *       {@code invscaling} counted in steps</td></tr>
 *   <tr><td>{@code cosine(warmup=0, min=0.0)}</td>
 *       <td>linear warm-up per step, then cosine decay per step towards
 *       {@code min * base}</td></tr>
 *   <tr><td>{@code reduce-on-plateau(patience=10, factor=0.1, min-delta=1.0E-4, cooldown=0,
 *       min-rate=0.0)}</td>
 *       <td>multiplies the rate by {@code factor} after {@code patience} epochs without
 *       improvement of the monitored loss (Keras' semantics)</td></tr>
 *   <tr><td>{@code one-cycle(pct-start=0.3, div-factor=25.0, final-div-factor=10000.0)}</td>
 *       <td>Smith's one-cycle policy per step, as PyTorch's {@code OneCycleLR}: a cosine
 *       climb to {@code base}, then a cosine fall far below it</td></tr>
 *   <tr><td>{@code cyclical(step-size=2000, min=0.1, mode=triangular, gamma=1.0)}</td>
 *       <td>Smith's cyclical rates per step between {@code min * base} and {@code base}, as
 *       PyTorch's {@code CyclicLR}</td></tr>
 *   <tr><td>{@code warmup(steps=100, then=constant)}</td>
 *       <td>a linear warm-up factor on another schedule's rate (any schedule, as a nested
 *       spec such as {@code then=cosine(min=0.1)}) for the first {@code steps} steps</td></tr>
 * </table>
 *
 * <p>Every state also honours {@link dev.mlp.api.LearningRateSchedule.State#scale(double)}: the
 * product of all scale factors multiplies every later rate. {@code save()} returns that product
 * first, followed by whatever else the schedule's later rates depend on (only
 * {@code reduce-on-plateau} has more); {@code restore} checks the numbers before taking them.
 * {@code warmup} has no state of its own: it passes scale factors, end-of-epoch reports, saves
 * and restores to the schedule it wraps.
 */
package dev.mlp.optimizers.schedule;
