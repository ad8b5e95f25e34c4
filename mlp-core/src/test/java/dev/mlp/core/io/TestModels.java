package dev.mlp.core.io;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.List;
import java.util.SplittableRandom;

/** Small trained models and their data, made from fixed seeds. */
final class TestModels {

    private TestModels() {
    }

    /** Three Gaussian blobs in 3 dimensions, 30 samples, one-hot targets. */
    static double[][][] blobs() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] centres = {{0, 0, 10}, {3, 1, 12}, {0, 4, 8}};
        double[][] x = new double[30][];
        double[][] y = new double[30][3];
        for (int i = 0; i < 30; i++) {
            int c = i % 3;
            x[i] = new double[3];
            for (int j = 0; j < 3; j++) {
                x[i][j] = centres[c][j] + r.nextGaussian() * 0.7;
            }
            y[i][c] = 1.0;
        }
        return new double[][][] {x, y};
    }

    /** A 3-5-3 softmax classifier with z-scored inputs and class names, trained 20 epochs. */
    static Model classifier() {
        double[][][] d = blobs();
        Model m = Mlp.builder().inputs(3).layer(5, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer("adam(lr=0.05)").batch("mini-batch(size=8)")
                .initializer("xavier").inputScaler("z-score").epochs(20).seed(11)
                .train(d[0], d[1]);
        m.classNames(List.of("red", "green", "blue"));
        return m;
    }

    /** y = x0 * 3 - x1 on a grid, for regression. */
    static double[][][] plane() {
        double[][] x = new double[25][];
        double[][] y = new double[25][];
        for (int i = 0; i < 25; i++) {
            x[i] = new double[] {i / 5 * 10.0, i % 5 - 2.0};
            y[i] = new double[] {x[i][0] * 3 - x[i][1] + 100};
        }
        return new double[][][] {x, y};
    }

    /**
     * A 2-4-3-1 regression network: leaky-relu with a parameter, a layer without bias, min-max
     * inputs to [-1, 1] and z-scored targets, trained 30 epochs.
     */
    static Model regressor() {
        double[][][] d = plane();
        return Mlp.builder().inputs(2).layer(4, "leaky-relu(alpha=0.2)").layer(3, "tanh", false)
                .layer(1, "identity").loss("mse").optimizer("sgd(lr=0.05)").batch("full-batch")
                .initializer("xavier").inputScaler("min-max(lo=-1, hi=1)")
                .targetScaler("z-score").epochs(30).seed(4).train(d[0], d[1]);
    }
}
