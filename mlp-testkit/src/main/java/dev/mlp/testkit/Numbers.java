package dev.mlp.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Small numeric helpers shared by the contracts. */
final class Numbers {

    private Numbers() {
    }

    static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    /** Whether two arrays hold the same bits (NaN equals NaN, 0.0 differs from -0.0). */
    static boolean sameBits(double[] a, double[] b) {
        return Arrays.equals(a, b);
    }

    static int firstDifference(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    /**
     * The first index where the raw bits differ (so NaNs of different payloads differ too), the
     * shorter length if one array is a prefix of the other, or -1 if they are the same.
     */
    static int firstRawDifference(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    static String describeDifference(double[] expected, double[] actual) {
        int i = firstDifference(expected, actual);
        if (i < 0) {
            return "no difference";
        }
        if (i >= expected.length || i >= actual.length) {
            return "lengths differ: " + expected.length + " and " + actual.length;
        }
        return "first difference at index " + i + ": " + expected[i] + " versus " + actual[i];
    }

    static double[][] copy(double[][] blocks) {
        double[][] c = new double[blocks.length][];
        for (int i = 0; i < blocks.length; i++) {
            c[i] = blocks[i].clone();
        }
        return c;
    }

    static double[] flatten(double[][] blocks) {
        int n = 0;
        for (double[] b : blocks) {
            n += b.length;
        }
        double[] f = new double[n];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, f, at, b.length);
            at += b.length;
        }
        return f;
    }

    static double[] concat(double[]... parts) {
        return flatten(parts);
    }

    /**
     * Whether an analytic derivative agrees with finite differences: with the central difference
     * (tight tolerance) or, where the function has a kink, with one of the one-sided differences
     * (looser, their truncation error is first order).
     */
    static boolean derivativeAgrees(double analytic, double central, double left, double right,
                                    double noise) {
        double tc = 1e-6 * Math.max(Math.abs(central), Math.abs(analytic)) + noise;
        if (Math.abs(analytic - central) <= tc) {
            return true;
        }
        double tl = 1e-5 * Math.max(Math.abs(left), Math.abs(analytic)) + noise;
        double tr = 1e-5 * Math.max(Math.abs(right), Math.abs(analytic)) + noise;
        return Math.abs(analytic - left) <= tl || Math.abs(analytic - right) <= tr;
    }

    static String fd(double analytic, double central, double left, double right) {
        return String.format("analytic %.17g, central difference %.17g (one-sided %.17g, %.17g)",
                analytic, central, left, right);
    }
}
