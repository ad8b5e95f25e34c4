package dev.mlp.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Encoder;
import dev.mlp.core.Mlp;
import dev.mlp.api.spi.PluginKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in encoders' codes, found by spec through the registry. */
class EncodersTest {

    private static final List<String> VALUES = List.of("b", "a", "c", "a", "a", "b");

    private static Encoder.Fitted fit(String spec) {
        return Mlp.standard().registry().configure(PluginKind.ENCODER, Encoder.class, spec)
                .instance().fit(VALUES);
    }

    @Test
    void oneHotHasOneColumnPerSortedCategory() {
        Encoder.Fitted f = fit("one-hot");
        assertEquals(List.of("x=a", "x=b", "x=c"), f.names("x"));
        double[] out = new double[4];
        assertTrue(f.encode("b", out, 1));
        assertArrayEquals(new double[] {0, 0, 1, 0}, out);
        assertFalse(f.encode("z", out, 1));
        assertArrayEquals(new double[] {0, 0, 0, 0}, out);
        assertEquals(Encoder.Unseen.IGNORE, f.unseen());
        assertEquals(Encoder.Unseen.ERROR, fit("one-hot(unseen=error)").unseen());
    }

    @Test
    void ordinalAndFrequencyCodes() {
        double[] out = new double[1];
        Encoder.Fitted o = fit("ordinal");
        o.encode("c", out, 0);
        assertEquals(2.0, out[0]);
        assertFalse(o.encode("z", out, 0));
        assertEquals(-1.0, out[0]);
        Encoder.Fitted fr = fit("frequency");
        fr.encode("a", out, 0);
        assertEquals(0.5, out[0]);
        assertFalse(fr.encode("z", out, 0));
        assertEquals(0.0, out[0]);
        assertArrayEquals(new double[] {0.5, 2.0 / 6, 1.0 / 6}, fr.state().values());
    }

    @Test
    void impossibleStatesAreRefused() {
        Encoder freq = new FrequencyEncoder(Encoder.Unseen.IGNORE);
        assertThrows(IllegalArgumentException.class, () -> freq.restore(
                new Encoder.State(List.of("a", "b"), new double[] {0.5})));
        assertThrows(IllegalArgumentException.class, () -> freq.restore(
                new Encoder.State(List.of("a"), new double[] {1.5})));
        Encoder oneHot = new OneHotEncoder(Encoder.Unseen.IGNORE);
        assertThrows(IllegalArgumentException.class, () -> oneHot.restore(
                new Encoder.State(List.of("a", "a"), new double[0])));
        assertThrows(IllegalArgumentException.class, () -> oneHot.restore(
                new Encoder.State(List.of(), new double[0])));
        assertThrows(IllegalArgumentException.class, () -> oneHot.fit(List.of()));
    }
}
