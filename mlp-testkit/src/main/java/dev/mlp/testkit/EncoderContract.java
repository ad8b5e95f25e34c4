package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.Encoder;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * The contract of an {@link Encoder}, fitted on a column of 12 values in 4 categories (one of
 * them looking like a number, one with a space and one with non-ASCII letters).
 *
 * <ul>
 *   <li>{@value #STATE}: {@code restore(state())} gives an encoding with the same state that
 *       writes the same bits for every fitted and unseen value.</li>
 *   <li>{@value #UNSEEN}: every fitted value is known and encodes to finite numbers; a value
 *       never seen is reported unseen and still gets finite numbers; {@code encode} writes
 *       inside {@code [offset, offset + width())} only, and {@code names} gives
 *       {@code width()} distinct names.</li>
 *   <li>{@value #DETERMINISM}: fitting twice, or on the rows in another order, gives the same
 *       state and bits, and fitting leaves the values alone.</li>
 * </ul>
 */
public final class EncoderContract extends PluginContract<Encoder, EncoderContract> {

    static final String STATE = "the stored state restores the same encoding";
    static final String UNSEEN = "unseen values are reported and encoded inside the width";
    static final String DETERMINISM = "fitting is deterministic and independent of row order";

    static final List<String> CHECKS = List.of(STATE, UNSEEN, DETERMINISM);

    static final List<String> VALUES = List.of("red", "blue", "red", "42", "green tea", "blue",
            "red", "Ärger", "42", "red", "blue", "green tea");
    static final List<String> UNSEEN_VALUES = List.of("purple", "", "RED", "4.2e1");

    private static final int GUARD = 3;

    EncoderContract(PluginProvider<Encoder> provider) {
        super(PluginKind.ENCODER, provider);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(STATE, spec, () -> checkState(spec)),
                new Check(UNSEEN, spec, () -> checkUnseen(spec)),
                new Check(DETERMINISM, spec, () -> checkDeterminism(spec)));
    }

    @Override
    String nameOf(Encoder instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(Encoder e) {
        return encodeAll(e.fit(VALUES));
    }

    /** Every fitted and unseen value's encoding, one after the other. */
    private static double[] encodeAll(Encoder.Fitted f) {
        List<String> all = new ArrayList<>(VALUES);
        all.addAll(UNSEEN_VALUES);
        int w = f.width();
        double[] out = new double[all.size() * w];
        for (int i = 0; i < all.size(); i++) {
            f.encode(all.get(i), out, i * w);
        }
        return out;
    }

    private void checkState(String spec) {
        Encoder e = create(spec);
        Encoder.Fitted f = e.fit(VALUES);
        Encoder.State s = f.state();
        Encoder.Fitted back = e.restore(s);
        if (!back.state().equals(s)) {
            throw new AssertionError(spec + ": restore(state()).state() is " + back.state()
                    + ", expected " + s);
        }
        if (back.width() != f.width() || !back.names("c").equals(f.names("c"))) {
            throw new AssertionError(spec + ": the restored encoding has width " + back.width()
                    + " and names " + back.names("c") + ", the fitted one " + f.width() + " and "
                    + f.names("c"));
        }
        if (!Numbers.sameBits(encodeAll(f), encodeAll(back))) {
            throw new AssertionError(spec + ": the restored encoding writes other bits than "
                    + "the fitted one: " + Arrays.toString(encodeAll(back)) + " instead of "
                    + Arrays.toString(encodeAll(f)));
        }
        if (e.restore(create(spec).fit(VALUES).state()).width() != f.width()) {
            throw new AssertionError(spec + ": a fresh instance restores another width");
        }
    }

    private void checkUnseen(String spec) {
        Encoder.Fitted f = create(spec).fit(VALUES);
        int w = f.width();
        if (w < 1) {
            throw new AssertionError(spec + ": width() must be at least 1, found " + w);
        }
        List<String> names = f.names("colour");
        if (names.size() != w || new HashSet<>(names).size() != w) {
            throw new AssertionError(spec + ": names(\"colour\") must give " + w
                    + " distinct names, found " + names);
        }
        List<String> all = new ArrayList<>(VALUES);
        all.addAll(UNSEEN_VALUES);
        for (String v : all) {
            double[] out = new double[w + 2 * GUARD];
            Arrays.fill(out, -7.25);
            boolean known = f.encode(v, out, GUARD);
            boolean expected = VALUES.contains(v);
            if (known != expected) {
                throw new AssertionError(spec + ": encode('" + v + "') returned " + known
                        + ", but '" + v + "' was " + (expected ? "" : "not ") + "fitted");
            }
            for (int i = 0; i < out.length; i++) {
                boolean inside = i >= GUARD && i < GUARD + w;
                if (!inside && out[i] != -7.25) {
                    throw new AssertionError(spec + ": encode('" + v + "') wrote outside its "
                            + w + " cells, at offset " + (i - GUARD));
                }
                if (inside && !Double.isFinite(out[i])) {
                    throw new AssertionError(spec + ": encode('" + v + "') gave " + out[i]);
                }
            }
        }
    }

    private void checkDeterminism(String spec) {
        List<String> values = new ArrayList<>(VALUES);
        List<String> copy = List.copyOf(values);
        Encoder e = create(spec);
        Encoder.Fitted a = e.fit(values);
        if (!values.equals(copy)) {
            throw new AssertionError(spec + ": fit changed the values it was given");
        }
        Encoder.Fitted b = e.fit(values);
        List<String> shuffled = new ArrayList<>(VALUES);
        Collections.reverse(shuffled);
        Collections.rotate(shuffled, 5);
        Encoder.Fitted c = create(spec).fit(shuffled);
        for (Encoder.Fitted other : List.of(b, c)) {
            if (!other.state().equals(a.state())
                    || !Numbers.sameBits(encodeAll(a), encodeAll(other))) {
                throw new AssertionError(spec + ": fitting " + (other == b ? "again" : "on the "
                        + "rows in another order") + " gives state " + other.state()
                        + " instead of " + a.state());
            }
        }
    }
}
