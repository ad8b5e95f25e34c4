/**
 * Extension points of the MLP framework.
 *
 * <p>Every moving part of training is one small interface here: {@link dev.mlp.api.Activation},
 * {@link dev.mlp.api.Loss}, {@link dev.mlp.api.Optimizer}, {@link dev.mlp.api.BatchStrategy},
 * {@link dev.mlp.api.WeightInitializer}, {@link dev.mlp.api.Scaler} and
 * {@link dev.mlp.api.TrainingListener}. Methods that evaluate the loss themselves (L-BFGS) are
 * {@link dev.mlp.api.ObjectiveOptimizer}s, driven with an {@link dev.mlp.api.Objective}.
 * Implementations are found by name through the providers of
 * {@link dev.mlp.api.spi} and configured from spec strings parsed by {@link dev.mlp.api.spec}.
 *
 * <p>Base classes own the loops and the bookkeeping so that a plugin writes only its arithmetic:
 * {@link dev.mlp.api.ElementwiseActivation} for activations applied entry by entry,
 * {@link dev.mlp.api.ElementwiseOptimizerState} for optimizer states whose step is element-wise
 * (step count, learning rate, snapshots, {@link dev.mlp.api.RangeUpdate}), and
 * {@link dev.mlp.api.OptimizerRunState} for other optimizer states.
 *
 * <p>Conventions shared by every array-based method in this package:
 * <ul>
 *   <li>A batch is a row-major matrix backed by one {@code double[]}: element {@code (r, c)} of a
 *       {@code rows x cols} matrix is at index {@code r * cols + c}.</li>
 *   <li>Arrays may be longer than {@code rows * cols} (workspaces are sized for the largest
 *       batch); only the first {@code rows * cols} entries are read or written.</li>
 *   <li>Output arrays are passed in by the caller; implementations never allocate per call on
 *       the training path and never keep references to the arrays they are given.</li>
 * </ul>
 */
package dev.mlp.api;
