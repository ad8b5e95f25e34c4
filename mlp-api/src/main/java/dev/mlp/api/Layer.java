package dev.mlp.api;

import java.util.random.RandomGenerator;

/**
 * A block of a network between dense layers that keeps the width of its input: a
 * normalization, a dropout, or any other row-wise or batch-wise transformation with its own
 * trainable parameters (or none) and its own inference state (or none). Dense layers and
 * residual blocks are part of the network itself; a provider of
 * {@link dev.mlp.api.spi.LayerProvider} adds another kind of layer, which users then name in a
 * network spec such as {@code "dense(64, relu) batch-norm dense(3, softmax)"}.
 *
 * <p>A layer is a stateless, thread-safe configuration. The network owns everything that
 * changes: the trainable parameters (blocks of the sizes {@link #parameterSizes} gives, updated
 * by the optimizer), the inference state ({@link #stateSize} values, for example running means
 * and variances, saved in model files and checkpoints but never touched by the optimizer) and a
 * scratch array per workspace where a training pass keeps what its backward pass needs.
 *
 * <p>Call order: {@link #forward} with {@link Forward#training()} true, then {@link #backward}
 * on the same arrays, for each training batch; {@link #forward} with {@code training} false for
 * inference, any number of times. Arrays are row-major, {@code rows x width}.
 */
public interface Layer {

    /**
     * The stable lowercase name this layer is registered under, for example
     * {@code "batch-norm"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * The sizes of the trainable parameter blocks of this layer on inputs of {@code width}
     * values per row, in the order the optimizer receives them.
     *
     * @param width values per row, at least 1
     * @return the block sizes, empty for a layer without parameters
     */
    default int[] parameterSizes(int width) {
        return new int[0];
    }

    /**
     * Sets the initial parameters (for example scales 1 and shifts 0). Parameters of layers are
     * never drawn at random, so adding a layer leaves the draws of the dense layers' weights
     * alone.
     *
     * @param parameters blocks of the sizes {@link #parameterSizes} gives
     * @param width values per row
     */
    default void initialize(double[][] parameters, int width) {
    }

    /**
     * @param width values per row
     * @return how many values of inference state (running statistics) the layer keeps, 0 for
     *         none
     */
    default int stateSize(int width) {
        return 0;
    }

    /**
     * Sets the initial inference state, for example running variances 1.
     *
     * @param state {@link #stateSize} values
     * @param width values per row
     */
    default void initializeState(double[] state, int width) {
    }

    /**
     * @param rows the largest batch
     * @param width values per row
     * @return how many doubles of scratch a training pass of up to {@code rows} rows needs
     *         between {@link #forward} and {@link #backward}
     */
    default int scratchSize(int rows, int width) {
        return 0;
    }

    /**
     * Whether a training pass treats rows independently: one row passed alone gives the same
     * bits as that row of a batch. True for row-wise layers (layer and RMS normalization),
     * which the contract kit then checks in training mode too; false for batch normalization,
     * whose training pass uses the batch's statistics. Inference passes must always be
     * row-wise.
     *
     * @return whether rows are independent in training passes
     */
    default boolean rowWise() {
        return true;
    }

    /**
     * Whether a training pass draws random numbers (dropout masks). The kit's finite-difference
     * check of the training pass replays the same generator for every pass of such a layer, so
     * its masks stay fixed.
     *
     * @return whether {@link Forward#random()} is used
     */
    default boolean random() {
        return false;
    }

    /**
     * Runs a batch forward.
     *
     * @param pass the arrays of the pass
     */
    void forward(Forward pass);

    /**
     * Runs a batch backward after a training {@link #forward} of the same rows.
     *
     * @param pass the arrays of the pass
     */
    void backward(Backward pass);

    /**
     * The arrays of a forward pass.
     *
     * @param input {@code rows x width} inputs; read only
     * @param output receives {@code rows x width} outputs; never the same array as
     *               {@code input}
     * @param rows number of rows, at least 0
     * @param width values per row
     * @param parameters the trainable parameter blocks; read only
     * @param state the inference state; a training pass may update it (running statistics)
     * @param scratch {@link #scratchSize} doubles, kept for the backward pass
     * @param training whether this is a training pass
     * @param random the run's generator of random masks; drawn from only in training passes
     *               of layers whose {@link #random()} is true, {@code null} otherwise
     */
    record Forward(double[] input, double[] output, int rows, int width, double[][] parameters,
                   double[] state, double[] scratch, boolean training, RandomGenerator random) {

        /**
         * Refuses arrays that do not fit {@code layer} on rows of {@link #width} values: inputs
         * or outputs shorter than {@code rows x width}, parameter blocks, state or scratch of
         * the sizes for another width. Layers call it first in {@link Layer#forward}.
         *
         * @param layer the layer the pass is for
         * @throws IllegalArgumentException saying which array does not fit and what it needs
         */
        public void requireSizes(Layer layer) {
            Sizes.require(layer, rows, width, parameters, state, scratch,
                    new double[][] {input, output}, new String[] {"input", "output"});
        }
    }

    /**
     * The arrays of a backward pass, after a training {@link #forward} of the same rows.
     *
     * @param input the forward pass's input
     * @param output the forward pass's output
     * @param outputGradient {@code rows x width} gradient of the summed loss with respect to
     *                       each output; read only
     * @param inputGradient receives the {@code rows x width} gradient of the summed loss with
     *                      respect to each input; never the same array as
     *                      {@code outputGradient}
     * @param rows number of rows
     * @param width values per row
     * @param parameters the trainable parameter blocks; read only
     * @param gradients receive {@code scale} times the gradient of the summed loss with respect
     *                  to each parameter, one block per parameter block (overwritten, not added
     *                  to)
     * @param scale the factor of the parameter gradients ({@code 1/rows} for the batch mean)
     * @param scratch what the forward pass left
     */
    record Backward(double[] input, double[] output, double[] outputGradient,
                    double[] inputGradient, int rows, int width, double[][] parameters,
                    double[][] gradients, double scale, double[] scratch) {

        /**
         * Refuses arrays that do not fit {@code layer} on rows of {@link #width} values, as
         * {@link Forward#requireSizes} does, the parameter gradients included. Layers call it
         * first in {@link Layer#backward}.
         *
         * @param layer the layer the pass is for
         * @throws IllegalArgumentException saying which array does not fit and what it needs
         */
        public void requireSizes(Layer layer) {
            Sizes.require(layer, rows, width, parameters, null, scratch,
                    new double[][] {input, output, outputGradient, inputGradient},
                    new String[] {"input", "output", "output gradient", "input gradient"});
            Sizes.blocks(layer, width, gradients, "parameter gradient");
        }
    }
}
