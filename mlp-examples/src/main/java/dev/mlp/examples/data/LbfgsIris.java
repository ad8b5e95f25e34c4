package dev.mlp.examples.data;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import java.util.Locale;

/**
 * L-BFGS on all 150 Iris flowers with a 4-8-3 network (tanh, softmax with cross-entropy, no
 * penalty) from fixed initial weights, printing the loss after a given number of iterations
 * and at convergence. {@code mlp-examples/scripts/lbfgs_comparison.py} runs scikit-learn's
 * {@code MLPClassifier(solver="lbfgs")} from the same weights on the same inputs and compares.
 *
 * <p>Inputs are z-scored per column with the population standard deviation, means and sums
 * taken row by row in file order (the script does the same). Initial parameter {@code k}, counted
 * over layer 1 weights (row-major, input by neuron), layer 1 biases, layer 2 weights, layer 2
 * biases, is {@code ((37 k + 11) mod 101) / 101 - 0.5}.
 */
public final class LbfgsIris implements Example {

    /** The iteration counts at which the loss is printed. */
    static final int[] ITERATIONS = {1, 2, 5, 10, 20, 30, 50};

    /** The iteration limit of the converged run, scikit-learn's default {@code max_iter}. */
    static final int MAX_ITERATIONS = 200;

    @Override
    public String name() {
        return "lbfgs-iris";
    }

    @Override
    public String title() {
        return "L-BFGS on Iris, 4-8-3 tanh, fixed initial weights (compare with scikit-learn)";
    }

    /** @return the inputs, z-scored per column */
    static double[][] inputs(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] z = new double[n][d];
        for (int c = 0; c < d; c++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[c];
            }
            double mean = sum / n;
            double squares = 0;
            for (double[] row : x) {
                squares += (row[c] - mean) * (row[c] - mean);
            }
            double sd = Math.sqrt(squares / n);
            for (int r = 0; r < n; r++) {
                z[r][c] = (x[r][c] - mean) / sd;
            }
        }
        return z;
    }

    /** The value of initial parameter {@code k}. */
    static double initial(int k) {
        return ((37 * k + 11) % 101) / 101.0 - 0.5;
    }

    /**
     * Trains from the fixed weights.
     *
     * @param t the data
     * @param iterations the most iterations
     * @return the run's result
     */
    static TrainingResult train(IrisClassification.Table t, int iterations) {
        int[] sizes = {4, 8, t.classes().size()};
        Mlp.Builder b = Mlp.builder().inputs(sizes[0]).layer(sizes[1], "tanh")
                .layer(sizes[2], "softmax").loss("cross-entropy").optimizer("lbfgs")
                .batch("full-batch").epochs(iterations).seed(1);
        int k = 0;
        for (int l = 1; l < sizes.length; l++) {
            double[][] w = new double[sizes[l - 1]][sizes[l]];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = initial(k++);
                }
            }
            double[] bias = new double[sizes[l]];
            for (int j = 0; j < bias.length; j++) {
                bias[j] = initial(k++);
            }
            b.weights(l, w).biases(l, bias);
        }
        Model m = b.build();
        return m.fit(inputs(t.x()), t.y());
    }

    @Override
    public void run(Report r) {
        IrisClassification.Table t = IrisClassification.load();
        r.section(title());
        for (int n : ITERATIONS) {
            TrainingResult result = train(t, n);
            r.note(String.format(Locale.ROOT, "iterations %d: loss %.15g", result.epochs(),
                    result.finalLoss()));
        }
        TrainingResult done = train(t, MAX_ITERATIONS);
        r.note(String.format(Locale.ROOT, "converged after %d iterations: loss %.15g (%s)",
                done.epochs(), done.finalLoss(), done.stopReason()));
    }
}
