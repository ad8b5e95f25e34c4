package dev.mlp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputRangeTest {

    @Test
    void onlyPositiveExcludesZeroAndBelow() {
        assertTrue(OutputRange.open(0, 1).onlyPositive());
        assertTrue(OutputRange.closed(0.5, 2).onlyPositive());
        assertFalse(OutputRange.closed(0, 6).onlyPositive());
        assertFalse(OutputRange.open(-1, 1).onlyPositive());
        assertFalse(OutputRange.REALS.onlyPositive());
    }

    @Test
    void containsHonoursOpenAndClosedEnds() {
        assertTrue(OutputRange.closed(0, 6).contains(0));
        assertTrue(OutputRange.closed(0, 6).contains(6));
        assertFalse(OutputRange.open(0, 1).contains(0));
        assertFalse(OutputRange.open(0, 1).contains(1));
        assertTrue(OutputRange.REALS.contains(-1e300));
        assertFalse(OutputRange.REALS.contains(Double.NaN));
        assertEquals("[0.0, 6.0]", OutputRange.closed(0, 6).toString());
        assertEquals("(0.0, Infinity)", OutputRange.open(0, Double.POSITIVE_INFINITY).toString());
    }

    @Test
    void invalidRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OutputRange.closed(1, 0));
        assertThrows(IllegalArgumentException.class, () -> OutputRange.open(Double.NaN, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OutputRange(0, Double.POSITIVE_INFINITY, true, true));
        assertEquals("an infinite end of an output range cannot be included, found [0.0, "
                + "Infinity]", e.getMessage());
    }

    @Test
    void anActivationThatSaysNothingMayGiveAnyRealAndNoProbabilities() {
        Activation plain = new ElementwiseActivation("plain") {
            @Override
            protected double value(double z) {
                return z;
            }

            @Override
            protected double derivative(double z, double a) {
                return 1;
            }
        };
        assertEquals(OutputRange.REALS, plain.outputRange());
        assertEquals(Activation.Probabilities.NONE, plain.probabilities());
    }
}
