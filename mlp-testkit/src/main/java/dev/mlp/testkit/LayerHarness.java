package dev.mlp.testkit;

import dev.mlp.api.Layer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The arrays a network would give a {@link Layer} on rows of one width: parameter blocks at
 * their initial values moved by a seeded perturbation (so scales are not all 1 and shifts not
 * all 0), the initial state, fresh scratch per pass, and outputs and gradients filled with NaN
 * beforehand so that a value not written shows.
 */
final class LayerHarness {

    final Layer layer;
    final int width;
    final double[][] parameters;
    final double[] state;

    LayerHarness(Layer layer, int width, long seed) {
        this.layer = layer;
        this.width = width;
        int[] sizes = layer.parameterSizes(width);
        parameters = new double[sizes.length][];
        for (int b = 0; b < sizes.length; b++) {
            parameters[b] = new double[sizes[b]];
        }
        layer.initialize(parameters, width);
        SplittableRandom r = new SplittableRandom(seed);
        for (double[] block : parameters) {
            for (int i = 0; i < block.length; i++) {
                block[i] += r.nextDouble(-0.5, 0.5);
            }
        }
        state = new double[layer.stateSize(width)];
        layer.initializeState(state, width);
    }

    /** The outputs of a forward pass and the scratch it left for the backward pass. */
    record Run(double[] output, double[] scratch) {
    }

    /** The gradients of a backward pass. */
    record Gradients(double[] input, double[][] parameters) {
    }

    /** A forward pass on {@code state} (this harness's own state if {@code null}). */
    Run forward(double[] x, int rows, boolean training, RandomGenerator random,
                double[] state) {
        double[] y = new double[rows * width];
        Arrays.fill(y, Double.NaN);
        double[] scratch = new double[layer.scratchSize(rows, width)];
        layer.forward(new Layer.Forward(x, y, rows, width, parameters,
                state == null ? this.state : state, scratch, training,
                training && layer.random() ? random : null));
        return new Run(y, scratch);
    }

    /** A training pass on a copy of the state, then the backward pass of {@code dy}. */
    Gradients gradients(double[] x, int rows, long seed, double[] dy, double scale) {
        Run run = forward(x, rows, true, new SplittableRandom(seed), state.clone());
        return backward(x, rows, run, dy, scale);
    }

    Gradients backward(double[] x, int rows, Run run, double[] dy, double scale) {
        double[] dx = new double[rows * width];
        Arrays.fill(dx, Double.NaN);
        double[][] g = new double[parameters.length][];
        for (int b = 0; b < g.length; b++) {
            g[b] = new double[parameters[b].length];
            Arrays.fill(g[b], Double.NaN);
        }
        layer.backward(new Layer.Backward(x, run.output(), dy, dx, rows, width, parameters, g,
                scale, run.scratch()));
        return new Gradients(dx, g);
    }

    /** {@code sum(c · y)} of a training pass on a copy of the state with a replayed generator. */
    double loss(double[] x, int rows, long seed, double[] c) {
        double[] y = forward(x, rows, true, new SplittableRandom(seed), state.clone()).output();
        double sum = 0.0;
        for (int i = 0; i < rows * width; i++) {
            sum += c[i] * y[i];
        }
        return sum;
    }
}
