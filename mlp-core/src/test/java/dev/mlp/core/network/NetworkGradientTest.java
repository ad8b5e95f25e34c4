package dev.mlp.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.api.ParameterLayout;
import dev.mlp.core.Mlp;
import dev.mlp.core.init.Initializers;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Back-propagation against central finite differences of the mean batch loss, for every
 * parameter of small networks (3-4-3-2), with every built-in activation in both hidden layers and
 * every loss with a matching output.
 */
class NetworkGradientTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();
    private static final int ROWS = 5;
    private static final double H = 1e-5;

    private static final String[] HIDDEN = {"identity", "sigmoid", "tanh", "relu",
        "leaky-relu(alpha=0.1)", "softplus", "softmax"};

    /** output activation and loss */
    private static final String[][] OUTPUTS = {
        {"identity", "mse"},
        {"identity", "half-squared-error"},
        {"identity", "squared-error"},
        {"softmax", "cross-entropy"},
        {"sigmoid", "binary-cross-entropy"},
        {"tanh", "mse"},              // squared error through a non-trivial output activation
        {"sigmoid", "half-squared-error"},
    };

    static List<Arguments> networks() {
        List<Arguments> out = new ArrayList<>();
        for (String hidden : HIDDEN) {
            for (String[] o : OUTPUTS) {
                for (boolean bias : new boolean[] {true, false}) {
                    out.add(Arguments.of(hidden, o[0], o[1], bias));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "3-4-3-2 {0}/{0}/{1}, {2}, bias={3}")
    @MethodSource("networks")
    void backwardMatchesFiniteDifferences(String hidden, String output, String lossSpec,
                                          boolean bias) {
        Activation h = REGISTRY.activation(hidden);
        Activation o = REGISTRY.activation(output);
        Loss loss = REGISTRY.loss(lossSpec);
        Network net = new Network(3, List.of(new Network.LayerSpec(4, h, bias),
                new Network.LayerSpec(3, h, bias), new Network.LayerSpec(2, o, bias)));
        SplittableRandom rnd = new SplittableRandom(hidden.hashCode() * 31L + lossSpec.hashCode()
                + (bias ? 1 : 0));
        net.initialize(Initializers.uniform(-1, 1), rnd);
        double[] x = new double[ROWS * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-2, 2);
        }
        double[] y = targets(lossSpec, rnd);

        // analytic gradient of the mean loss
        Workspace ws = new Workspace(net, ROWS);
        double[] a = net.forward(ws, x, ROWS);
        loss.delta(o, ws.preActivations(3), a, y, ws.delta(3), ROWS, 2);
        net.backward(ws, x, ROWS);
        double[][] grads = ws.gradients();
        double[][] params = net.parameters();
        ParameterLayout layout = net.layout();
        assertEquals(bias ? 6 : 3, layout.size());
        assertEquals(layout.size(), grads.length);

        int checked = 0;
        for (int b = 0; b < params.length; b++) {
            assertEquals(layout.block(b).size(), params[b].length);
            assertEquals(params[b].length, grads[b].length);
            for (int i = 0; i < params[b].length; i++) {
                double saved = params[b][i];
                params[b][i] = saved + H;
                double up = meanLoss(net, loss, x, y);
                params[b][i] = saved - H;
                double down = meanLoss(net, loss, x, y);
                params[b][i] = saved;
                double numeric = (up - down) / (2 * H);
                double analytic = grads[b][i];
                double tol = 1e-6 * Math.max(Math.abs(numeric), Math.abs(analytic)) + 1e-9;
                int block = b;
                int index = i;
                assertTrue(Math.abs(numeric - analytic) <= tol, () -> "layer "
                        + layout.block(block).layer() + " " + layout.block(block).kind()
                        + " [" + index + "]: back-propagation " + analytic
                        + ", finite difference " + numeric);
                checked++;
            }
        }
        // 3*4 + 4*3 + 3*2 weights, plus 4 + 3 + 2 biases
        assertEquals(bias ? 39 : 30, checked);
    }

    /** Gradients really are of the mean: doubling the batch by repetition leaves them equal. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hiddenActivations")
    void gradientIsTheMeanOverTheBatch(String hidden) {
        Activation h = REGISTRY.activation(hidden);
        Activation o = REGISTRY.activation("identity");
        Loss loss = REGISTRY.loss("mse");
        Network net = new Network(3, List.of(new Network.LayerSpec(4, h, true),
                new Network.LayerSpec(2, o, true)));
        SplittableRandom rnd = new SplittableRandom(7);
        net.initialize(Initializers.uniform(-1, 1), rnd);
        double[] x = new double[ROWS * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-2, 2);
        }
        double[] y = targets("mse", rnd);
        double[][] once = gradients(net, loss, x, y, ROWS);
        double[] x2 = new double[2 * x.length];
        double[] y2 = new double[2 * y.length];
        System.arraycopy(x, 0, x2, 0, x.length);
        System.arraycopy(x, 0, x2, x.length, x.length);
        System.arraycopy(y, 0, y2, 0, y.length);
        System.arraycopy(y, 0, y2, y.length, y.length);
        double[][] twice = gradients(net, loss, x2, y2, 2 * ROWS);
        for (int b = 0; b < once.length; b++) {
            for (int i = 0; i < once[b].length; i++) {
                assertEquals(once[b][i], twice[b][i], 1e-12 * (1 + Math.abs(once[b][i])));
            }
        }
    }

    static String[] hiddenActivations() {
        return HIDDEN;
    }

    private static double[][] gradients(Network net, Loss loss, double[] x, double[] y, int rows) {
        Workspace ws = new Workspace(net, rows);
        double[] a = net.forward(ws, x, rows);
        int last = net.layerCount();
        loss.delta(net.activation(last), ws.preActivations(last), a, y, ws.delta(last), rows,
                net.outputSize());
        net.backward(ws, x, rows);
        double[][] g = ws.gradients();
        double[][] copy = new double[g.length][];
        for (int b = 0; b < g.length; b++) {
            copy[b] = g[b].clone();
        }
        double largest = 0.0;
        for (double[] block : copy) {
            for (double v : block) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        // an all-zero gradient would make every comparison of gradients pass
        assertTrue(largest > 1e-6, "the gradient is zero: nothing is compared");
        return copy;
    }

    /** Targets suited to the loss: one-hot rows, probabilities in [0, 1], or any reals. */
    private static double[] targets(String loss, SplittableRandom rnd) {
        double[] y = new double[ROWS * 2];
        for (int r = 0; r < ROWS; r++) {
            switch (loss) {
                case "cross-entropy" -> y[r * 2 + rnd.nextInt(2)] = 1.0;
                case "binary-cross-entropy" -> {
                    y[r * 2] = rnd.nextInt(2);
                    y[r * 2 + 1] = rnd.nextDouble(); // soft targets are allowed too
                }
                default -> {
                    y[r * 2] = rnd.nextDouble(-1, 1);
                    y[r * 2 + 1] = rnd.nextDouble(-1, 1);
                }
            }
        }
        return y;
    }

    private static double meanLoss(Network net, Loss loss, double[] x, double[] y) {
        Workspace ws = new Workspace(net, ROWS);
        double[] a = net.forward(ws, x, ROWS);
        return loss.value(ws.preActivations(net.layerCount()), a, y, ROWS, net.outputSize())
                / ROWS;
    }
}
