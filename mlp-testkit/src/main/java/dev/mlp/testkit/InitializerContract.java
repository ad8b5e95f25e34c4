package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.WeightInitializer;
import dev.mlp.api.spi.PluginProvider;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract of a {@link WeightInitializer}, run on a 4-3-2-1 network whose second layer has
 * no biases ({@code biases == null}). Every array starts filled with {@code NaN}.
 *
 * <ul>
 *   <li>{@value #FINITE}: every weight and bias is written with a finite value.</li>
 *   <li>{@value #SAME_SEED}: the same seed gives the same bits, also with another instance used
 *       in between.</li>
 *   <li>{@value #OTHER_SEED}: two seeds give different values, unless the test author declares
 *       the initializer {@link #deterministic()} (zeros, constant): then the check is
 *       skipped.</li>
 *   <li>{@value #ONLY_GIVEN}: a layer without biases is accepted, and initializing one layer
 *       leaves the arrays of the layers before it alone.</li>
 * </ul>
 */
public final class InitializerContract extends PluginContract<WeightInitializer,
        InitializerContract> {

    static final String FINITE = "every entry is written with a finite value";
    static final String SAME_SEED = "same seed, same values";
    static final String OTHER_SEED = "different seeds, different values";
    static final String ONLY_GIVEN = "only the given arrays are touched; null biases accepted";

    static final List<String> CHECKS = List.of(FINITE, SAME_SEED, OTHER_SEED, ONLY_GIVEN);

    private static final int[] SIZES = {4, 3, 2, 1};

    private boolean deterministic;

    InitializerContract(PluginProvider<WeightInitializer> provider) {
        super(PluginKind.INITIALIZER, provider);
    }

    /**
     * Declares that the initializer gives the same values for every seed, which skips
     * {@value #OTHER_SEED}.
     *
     * @return this contract
     */
    public InitializerContract deterministic() {
        this.deterministic = true;
        return this;
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(FINITE, spec, () -> checkFinite(spec)),
                new Check(SAME_SEED, spec, () -> checkSameSeed(spec)),
                new Check(OTHER_SEED, spec, () -> checkOtherSeed(spec)),
                new Check(ONLY_GIVEN, spec, () -> checkOnlyGiven(spec)));
    }

    @Override
    String nameOf(WeightInitializer instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(WeightInitializer w) {
        return Numbers.flatten(fill(w, new CountingRandom(5)));
    }

    private static boolean hasBias(int layer) {
        return layer != 2;
    }

    /** Weights and biases of each layer in order; a layer without bias has an empty array. */
    static double[][] fill(WeightInitializer w, CountingRandom random) {
        int layers = SIZES.length - 1;
        double[][] out = new double[2 * layers][];
        for (int l = 1; l <= layers; l++) {
            double[] weights = new double[SIZES[l - 1] * SIZES[l]];
            double[] biases = hasBias(l) ? new double[SIZES[l]] : null;
            Arrays.fill(weights, Double.NaN);
            if (biases != null) {
                Arrays.fill(biases, Double.NaN);
            }
            w.initialize(l, SIZES[l - 1], SIZES[l], weights, biases, random);
            out[2 * (l - 1)] = weights;
            out[2 * (l - 1) + 1] = biases == null ? new double[0] : biases;
        }
        return out;
    }

    private void checkFinite(String spec) {
        double[][] p = fill(create(spec), new CountingRandom(1));
        Problems problems = new Problems(spec + ": initial values");
        for (int b = 0; b < p.length; b++) {
            for (int i = 0; i < p[b].length; i++) {
                if (!Double.isFinite(p[b][i])) {
                    int layer = b / 2 + 1;
                    problems.add("layer " + layer + " (" + SIZES[layer - 1] + " x " + SIZES[layer]
                            + ") " + (b % 2 == 0 ? "weight " : "bias ") + i + " is " + p[b][i]
                            + (Double.isNaN(p[b][i]) ? " (not written?)" : ""));
                }
            }
        }
        problems.throwIfAny();
    }

    private void checkSameSeed(String spec) {
        double[] a = Numbers.flatten(fill(create(spec), new CountingRandom(8)));
        WeightInitializer w = create(spec);
        fill(create(spec), new CountingRandom(9));
        double[] b = Numbers.flatten(fill(w, new CountingRandom(8)));
        double[] c = Numbers.flatten(fill(w, new CountingRandom(8)));
        if (!Numbers.sameBits(a, b) || !Numbers.sameBits(a, c)) {
            throw new AssertionError(spec + ": seed 8 gives different values on different calls: "
                    + Numbers.describeDifference(a, Numbers.sameBits(a, b) ? c : b));
        }
    }

    private void checkOtherSeed(String spec) {
        if (deterministic) {
            Assumptions.abort(spec + " is declared deterministic by the test author");
        }
        CountingRandom r1 = new CountingRandom(1);
        CountingRandom r2 = new CountingRandom(2);
        double[] a = Numbers.flatten(fill(create(spec), r1));
        double[] b = Numbers.flatten(fill(create(spec), r2));
        if (Numbers.sameBits(a, b)) {
            throw new AssertionError(spec + ": seeds 1 and 2 give the same values ("
                    + r1.draws() + " numbers drawn from the run's generator); the generator is "
                    + "ignored? If the initializer is deterministic by design (zeros, constant), "
                    + "declare it with .deterministic()");
        }
    }

    private void checkOnlyGiven(String spec) {
        WeightInitializer w = create(spec);
        CountingRandom r = new CountingRandom(3);
        double[] w1 = new double[SIZES[0] * SIZES[1]];
        double[] b1 = new double[SIZES[1]];
        w.initialize(1, SIZES[0], SIZES[1], w1, b1, r);
        double[] keepW = w1.clone();
        double[] keepB = b1.clone();
        double[] w2 = new double[SIZES[1] * SIZES[2]];
        Arrays.fill(w2, Double.NaN);
        try {
            w.initialize(2, SIZES[1], SIZES[2], w2, null, r);
        } catch (NullPointerException e) {
            throw new AssertionError(spec + ": a layer without biases (biases == null) fails: " + e,
                    e);
        }
        for (double v : w2) {
            if (!Double.isFinite(v)) {
                throw new AssertionError(spec + ": with biases == null a weight is left " + v);
            }
        }
        if (!Numbers.sameBits(keepW, w1) || !Numbers.sameBits(keepB, b1)) {
            throw new AssertionError(spec + ": initializing layer 2 changed the arrays of layer 1");
        }
    }
}
