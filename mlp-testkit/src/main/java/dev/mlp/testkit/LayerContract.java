package dev.mlp.testkit;

import dev.mlp.api.Layer;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract of a {@link Layer}, on rows of {@value #WIDTH} values with parameters moved off
 * their initial values by a seeded perturbation.
 *
 * <ul>
 *   <li>{@value #GRADIENT}: on three random batches (3, 5 and 8 rows) and a random upstream
 *       gradient {@code c}, the input gradient and the parameter gradients of
 *       {@code backward} (with {@code scale = 1/rows}) agree with central differences of
 *       {@code sum(c · forward(x))} in training mode. A layer that draws random numbers gets
 *       the same generator replayed for every pass, so its masks stay fixed.</li>
 *   <li>{@value #ROWS}: inference passes of a batch give the same bits as each row passed
 *       alone; for a {@link Layer#rowWise() row-wise} layer so do training passes (outputs and
 *       input gradients, a random layer drawing from one generator in row order).</li>
 *   <li>{@value #STATE}: after training passes, a new instance of the same spec given copies
 *       of the parameters and state (as a model file or checkpoint restores them) gives the
 *       same inference outputs bit for bit; {@code initialize} and {@code initializeState}
 *       write every value, whatever the arrays held.</li>
 *   <li>{@value #MODES}: an inference pass draws no random numbers, gives the same bits twice
 *       and changes neither its input, the parameters nor the state; a training pass changes
 *       neither its input nor the parameters; a layer without state or random numbers gives
 *       the same bits in both modes, and a layer with state uses it in inference (the trained
 *       state gives other outputs than the initial one).</li>
 *   <li>{@value #BAD_INPUT}: passes whose arrays were made for another width, or whose input
 *       is shorter than {@code rows x width}, are refused with an
 *       {@link IllegalArgumentException} that has a message
 *       ({@link Layer.Forward#requireSizes} does it).</li>
 * </ul>
 */
public final class LayerContract extends PluginContract<Layer, LayerContract> {

    static final String GRADIENT = "backward matches finite differences of the forward pass";
    static final String ROWS = "batch and row-by-row passes agree bit for bit";
    static final String STATE = "parameters and state restored in a new instance give the "
            + "same outputs";
    static final String MODES = "inference passes leave state alone and differ from training "
            + "only through state or random numbers";
    static final String BAD_INPUT = "arrays of another width are refused with a message";

    static final List<String> CHECKS = List.of(GRADIENT, ROWS, STATE, MODES, BAD_INPUT);

    static final int WIDTH = 4;
    private static final long SEED = 20260412L;
    private static final int[] BATCHES = {3, 5, 8};

    LayerContract(PluginProvider<Layer> provider) {
        super(PluginKind.LAYER, provider);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(GRADIENT, spec, () -> checkGradient(spec)),
                new Check(ROWS, spec, () -> checkRows(spec)),
                new Check(STATE, spec, () -> checkState(spec)),
                new Check(MODES, spec, () -> checkModes(spec)),
                new Check(BAD_INPUT, spec, () -> checkBadInput(spec)));
    }

    @Override
    String nameOf(Layer instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(Layer layer) {
        LayerHarness h = new LayerHarness(layer, WIDTH, SEED);
        double[] x = inputs(new SplittableRandom(SEED), 3);
        double[] c = Numbers.uniform(new SplittableRandom(SEED + 1), 3 * WIDTH, -1, 1);
        LayerHarness.Run train = h.forward(x, 3, true, new SplittableRandom(SEED), null);
        LayerHarness.Gradients g = h.backward(x, 3, train, c, 1.0 / 3);
        double[] infer = h.forward(x, 3, false, null, null).output();
        return Numbers.concat(train.output(), g.input(), Numbers.flatten(g.parameters()), infer,
                h.state);
    }

    private static double[] inputs(SplittableRandom r, int rows) {
        return Numbers.uniform(r, rows * WIDTH, -2, 2);
    }

    // ------------------------------------------------------------------ checks

    private void checkGradient(String spec) {
        Layer layer = create(spec);
        Problems p = new Problems(spec + ": backward versus finite differences");
        SplittableRandom r = new SplittableRandom(SEED);
        for (int rows : BATCHES) {
            LayerHarness h = new LayerHarness(layer, WIDTH, r.nextLong());
            long seed = r.nextLong();
            double[] x = inputs(r, rows);
            double[] c = Numbers.uniform(r, rows * WIDTH, -1, 1);
            double scale = 1.0 / rows;
            LayerHarness.Gradients g = h.gradients(x, rows, seed, c, scale);
            for (int i = 0; i < x.length; i++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                double step = 1e-5 * Math.max(1.0, Math.abs(x[i]));
                xp[i] += step;
                xm[i] -= step;
                double fd = (h.loss(xp, rows, seed, c) - h.loss(xm, rows, seed, c))
                        / (xp[i] - xm[i]);
                compare(p, rows + " rows: input [" + i / WIDTH + "][" + i % WIDTH + "]",
                        g.input()[i], fd, 1.0);
            }
            for (int b = 0; b < h.parameters.length; b++) {
                double[] block = h.parameters[b];
                for (int j = 0; j < block.length; j++) {
                    double keep = block[j];
                    double step = 1e-5 * Math.max(1.0, Math.abs(keep));
                    block[j] = keep + step;
                    double up = h.loss(x, rows, seed, c);
                    double hi = block[j];
                    block[j] = keep - step;
                    double down = h.loss(x, rows, seed, c);
                    double lo = block[j];
                    block[j] = keep;
                    compare(p, rows + " rows: parameter block " + (b + 1) + " [" + j + "] "
                            + "(times scale 1/" + rows + ")", g.parameters()[b][j],
                            scale * (up - down) / (hi - lo), scale);
                }
            }
        }
        p.throwIfAny();
    }

    private static void compare(Problems p, String what, double analytic, double fd,
                                double scale) {
        double tol = 1e-5 * Math.max(Math.abs(analytic), Math.abs(fd)) + 1e-7 * scale;
        if (!(Math.abs(analytic - fd) <= tol)) {
            p.add(what + ": backward " + analytic + ", finite difference " + fd);
        }
    }

    private void checkRows(String spec) {
        Layer layer = create(spec);
        Problems p = new Problems(spec + ": batch versus row by row");
        int rows = 6;
        LayerHarness h = new LayerHarness(layer, WIDTH, SEED);
        SplittableRandom r = new SplittableRandom(SEED + 2);
        double[] x = inputs(r, rows);
        double[] c = Numbers.uniform(r, rows * WIDTH, -1, 1);
        double[] batch = h.forward(x, rows, false, null, null).output();
        for (int i = 0; i < rows; i++) {
            double[] one = h.forward(row(x, i), 1, false, null, null).output();
            if (!Numbers.sameBits(row(batch, i), one)) {
                p.add("inference: row " + i + " alone gives " + Arrays.toString(one)
                        + ", in the batch " + Arrays.toString(row(batch, i)));
            }
        }
        if (layer.rowWise()) {
            LayerHarness.Run run = h.forward(x, rows, true, new SplittableRandom(SEED),
                    h.state.clone());
            double[] dx = h.backward(x, rows, run, c, 1.0 / rows).input();
            SplittableRandom replay = new SplittableRandom(SEED);
            for (int i = 0; i < rows; i++) {
                LayerHarness.Run alone = h.forward(row(x, i), 1, true, replay, h.state.clone());
                double[] g = h.backward(row(x, i), 1, alone, row(c, i), 1.0).input();
                if (!Numbers.sameBits(row(run.output(), i), alone.output())
                        || !Numbers.sameBits(row(dx, i), g)) {
                    p.add("training: row " + i + " alone gives outputs "
                            + Arrays.toString(alone.output()) + " and input gradient "
                            + Arrays.toString(g) + ", in the batch "
                            + Arrays.toString(row(run.output(), i)) + " and "
                            + Arrays.toString(row(dx, i)) + " (the layer says rowWise() is true)");
                }
            }
        }
        p.throwIfAny();
    }

    private static double[] row(double[] a, int i) {
        return Arrays.copyOfRange(a, i * WIDTH, (i + 1) * WIDTH);
    }

    /** Trains the harness's state on a few batches. */
    private static void train(LayerHarness h, SplittableRandom r) {
        for (int rows : BATCHES) {
            h.forward(inputs(r, rows), rows, true, new SplittableRandom(r.nextLong()), null);
        }
    }

    private void checkState(String spec) {
        Layer layer = create(spec);
        Problems p = new Problems(spec + ": parameters and state restored");
        LayerHarness h = new LayerHarness(layer, WIDTH, SEED);
        SplittableRandom r = new SplittableRandom(SEED + 3);
        train(h, r);
        for (double v : h.state) {
            if (!Double.isFinite(v)) {
                p.add("after training passes the state holds " + Arrays.toString(h.state));
                break;
            }
        }
        double[] x = inputs(r, 5);
        double[] before = h.forward(x, 5, false, null, null).output();
        LayerHarness restored = new LayerHarness(create(spec), WIDTH, SEED);
        for (int b = 0; b < h.parameters.length; b++) {
            restored.parameters[b] = h.parameters[b].clone();
        }
        System.arraycopy(h.state, 0, restored.state, 0, h.state.length);
        double[] after = restored.forward(x, 5, false, null, null).output();
        if (!Numbers.sameBits(before, after)) {
            p.add("a new instance with the same parameters and state gives other outputs: "
                    + Numbers.describeDifference(before, after));
        }
        int[] sizes = layer.parameterSizes(WIDTH);
        double[][] nan = new double[sizes.length][];
        double[][] sevens = new double[sizes.length][];
        for (int b = 0; b < sizes.length; b++) {
            nan[b] = new double[sizes[b]];
            sevens[b] = new double[sizes[b]];
            Arrays.fill(nan[b], Double.NaN);
            Arrays.fill(sevens[b], 7.25);
        }
        layer.initialize(nan, WIDTH);
        layer.initialize(sevens, WIDTH);
        if (!Arrays.deepEquals(nan, sevens)) {
            p.add("initialize leaves values that were in the arrays: "
                    + Arrays.deepToString(nan) + " versus " + Arrays.deepToString(sevens));
        }
        double[] s1 = new double[layer.stateSize(WIDTH)];
        double[] s2 = new double[s1.length];
        Arrays.fill(s1, Double.NaN);
        Arrays.fill(s2, 7.25);
        layer.initializeState(s1, WIDTH);
        layer.initializeState(s2, WIDTH);
        if (!Numbers.sameBits(s1, s2)) {
            p.add("initializeState leaves values that were in the array: "
                    + Arrays.toString(s1) + " versus " + Arrays.toString(s2));
        }
        p.throwIfAny();
    }

    private void checkModes(String spec) {
        Layer layer = create(spec);
        Problems p = new Problems(spec + ": training and inference modes");
        LayerHarness h = new LayerHarness(layer, WIDTH, SEED);
        SplittableRandom r = new SplittableRandom(SEED + 4);
        double[] x = inputs(r, 5);
        double[] xCopy = x.clone();
        double[][] params = Numbers.copy(h.parameters);
        double[] initial;
        try {
            initial = h.forward(x, 5, false, null, null).output();
        } catch (NullPointerException e) {
            throw new AssertionError(spec + ": an inference pass, which gets no generator, "
                    + "failed: " + e, e);
        }
        train(h, r);
        double[] state = h.state.clone();
        double[] once = h.forward(x, 5, false, null, null).output();
        double[] twice = h.forward(x, 5, false, null, null).output();
        if (!Numbers.sameBits(once, twice)) {
            p.add("two inference passes of the same rows differ: "
                    + Numbers.describeDifference(once, twice));
        }
        if (!Numbers.sameBits(state, h.state)) {
            p.add("an inference pass changed the state: " + Numbers.describeDifference(state,
                    h.state));
        }
        if (!Arrays.deepEquals(params, h.parameters)) {
            p.add("a pass changed the parameters");
        }
        h.forward(x, 5, true, new SplittableRandom(SEED), null);
        if (!Numbers.sameBits(xCopy, x)) {
            p.add("a pass changed its input: " + Numbers.describeDifference(xCopy, x));
        }
        boolean stateful = h.state.length > 0;
        if (!stateful && !layer.random()) {
            double[] train = h.forward(x, 5, true, null, null).output();
            if (!Numbers.sameBits(train, once)) {
                p.add("the layer has no state and draws no random numbers, but training and "
                        + "inference passes differ: " + Numbers.describeDifference(train, once));
            }
        }
        if (stateful && Numbers.sameBits(initial, once)) {
            p.add("the layer keeps " + h.state.length + " values of state, but inference gives "
                    + "the same outputs with the trained state as with the initial one");
        }
        p.throwIfAny();
    }

    private void checkBadInput(String spec) {
        Layer layer = create(spec);
        int rows = 3;
        int wrong = WIDTH + 1;
        boolean depends = !Arrays.equals(layer.parameterSizes(WIDTH), layer.parameterSizes(wrong))
                || layer.stateSize(WIDTH) != layer.stateSize(wrong)
                || layer.scratchSize(rows, WIDTH) < layer.scratchSize(rows, wrong);
        Problems p = new Problems(spec + ": bad input");
        LayerHarness h = new LayerHarness(layer, WIDTH, SEED);
        double[] scratch = new double[layer.scratchSize(rows, WIDTH)];
        double[] big = new double[rows * wrong];
        double[][] grads = Numbers.copy(h.parameters);
        double[] shortInput = new double[rows * WIDTH - 1];
        refused(p, "a forward pass whose input holds " + shortInput.length + " values for "
                + rows + "x" + WIDTH, () -> layer.forward(new Layer.Forward(shortInput,
                new double[rows * WIDTH], rows, WIDTH, h.parameters, h.state, scratch, false,
                null)));
        if (depends) {
            refused(p, "a forward pass of width " + wrong + " with arrays made for width "
                    + WIDTH, () -> layer.forward(new Layer.Forward(big, big.clone(), rows, wrong,
                    h.parameters, h.state, scratch, true, new SplittableRandom(SEED))));
            refused(p, "a backward pass of width " + wrong + " with arrays made for width "
                    + WIDTH, () -> layer.backward(new Layer.Backward(big, big.clone(),
                    big.clone(), big.clone(), rows, wrong, h.parameters, grads, 1.0, scratch)));
        }
        p.throwIfAny();
        Assumptions.assumeTrue(depends, spec + " keeps no arrays whose size depends on the "
                + "width; only the short input was tried");
    }

    private static void refused(Problems p, String what, Runnable pass) {
        try {
            pass.run();
            p.add(what + " was accepted");
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                p.add(what + " was refused without a message");
            }
        } catch (RuntimeException e) {
            p.add(what + " failed with " + e + " instead of an IllegalArgumentException "
                    + "saying what does not fit (Layer.Forward.requireSizes does it)");
        }
    }
}
