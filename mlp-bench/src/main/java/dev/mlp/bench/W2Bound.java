package dev.mlp.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The bound of W2 on the machine: the same training (2-3-1 sigmoid network, half squared error,
 * {@code sgd(lr=0.5)}, one sample at a time, the four XOR rows shuffled every epoch) written for
 * exactly that shape, every weight a named local, no loops over layers or units and no checks.
 * Its arithmetic per update is this framework's: the same exact {@link Math#exp} in the same
 * stable sigmoid, the same products and sums. What it leaves out is what a framework adds:
 * loops of unknown length, the layer structure, the optimizer's own pass over its parameters,
 * the finiteness checks and the per-epoch bookkeeping. It does not give this framework's bits
 * (its initial weights and shuffle are its own), only its time.
 */
final class W2Bound {

    private static final double[] X = {0, 0, 0, 1, 1, 0, 1, 1};
    private static final double[] Y = {0, 1, 1, 0};
    private static final double LR = 0.5;

    private W2Bound() {
    }

    /**
     * Trains once untimed (JIT warm-up), then times a second run.
     *
     * @param updates the number of updates, a multiple of 4
     * @return the measurement, {@code w2 bound op=hand-written-2-3-1 updates_per_s=...}
     */
    static Summary measure(long updates) {
        train(updates, 7);
        long start = System.nanoTime();
        double loss = train(updates, 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = updates / seconds;
        System.out.printf(Locale.ROOT, "W2 bound (a loop written for exactly 2-3-1): %d updates"
                + " in %.3f s, %.0f updates/s, mean loss of the last epoch %.3g%n", updates,
                seconds, rate, loss);
        return Summary.of("w2", "bound", "op", "hand-written-2-3-1", "updates_per_s",
                Math.round(rate));
    }

    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /**
     * @param updates the number of updates, a multiple of 4
     * @param seed the seed of the initial weights and the shuffles
     * @return the mean loss of the last epoch
     */
    static double train(long updates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double u = Math.sqrt(6.0 / 5.0);
        double w00 = u * (2 * random.nextDouble() - 1);
        double w01 = u * (2 * random.nextDouble() - 1);
        double w02 = u * (2 * random.nextDouble() - 1);
        double w10 = u * (2 * random.nextDouble() - 1);
        double w11 = u * (2 * random.nextDouble() - 1);
        double w12 = u * (2 * random.nextDouble() - 1);
        double v = Math.sqrt(6.0 / 4.0);
        double v0 = v * (2 * random.nextDouble() - 1);
        double v1 = v * (2 * random.nextDouble() - 1);
        double v2 = v * (2 * random.nextDouble() - 1);
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double c = 0;
        int[] order = {0, 1, 2, 3};
        double epochLoss = 0;
        for (long e = 0, epochs = updates / 4; e < epochs; e++) {
            for (int i = 3; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            epochLoss = 0;
            for (int s = 0; s < 4; s++) {
                int row = order[s];
                double x0 = X[2 * row];
                double x1 = X[2 * row + 1];
                double h0 = sigmoid(b0 + x0 * w00 + x1 * w10);
                double h1 = sigmoid(b1 + x0 * w01 + x1 * w11);
                double h2 = sigmoid(b2 + x0 * w02 + x1 * w12);
                double o = sigmoid(c + h0 * v0 + h1 * v1 + h2 * v2);
                double err = o - Y[row];
                epochLoss += 0.5 * err * err;
                double d = err * (o * (1.0 - o));
                double d0 = d * v0 * (h0 * (1.0 - h0));
                double d1 = d * v1 * (h1 * (1.0 - h1));
                double d2 = d * v2 * (h2 * (1.0 - h2));
                v0 -= LR * (h0 * d);
                v1 -= LR * (h1 * d);
                v2 -= LR * (h2 * d);
                c -= LR * d;
                w00 -= LR * (x0 * d0);
                w01 -= LR * (x0 * d1);
                w02 -= LR * (x0 * d2);
                w10 -= LR * (x1 * d0);
                w11 -= LR * (x1 * d1);
                w12 -= LR * (x1 * d2);
                b0 -= LR * d0;
                b1 -= LR * d1;
                b2 -= LR * d2;
            }
        }
        return epochLoss / 4;
    }
}
