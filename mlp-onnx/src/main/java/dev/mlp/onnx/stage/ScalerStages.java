package dev.mlp.onnx.stage;

import dev.mlp.api.Scaler;
import dev.mlp.api.spec.Spec;
import java.util.Arrays;

/**
 * The export stages of the built-in scalers: {@code min-max(lo, hi)} and {@code z-score}
 * (alias {@code standard}), as input scaling and as the inverse of target scaling. Each stage
 * is checked against the fitted scaler on probe values before it is used, so a scaler that
 * computes otherwise than its name says is refused rather than exported wrongly.
 */
public final class ScalerStages {

    private ScalerStages() {
    }

    /**
     * The input scaling stage.
     *
     * @param spec the scaler's spec, for example {@code "min-max(lo=-1, hi=1)"}
     * @param fitted the fitted scaler
     * @return the stage
     * @throws IllegalArgumentException if the scaler has no ONNX form
     */
    public static ColumnAffineStage input(String spec, Scaler.Fitted fitted) {
        ColumnAffineStage stage = stage(spec, fitted, false, "input scaler");
        verify(stage, fitted, false, spec, "input scaler");
        return stage;
    }

    /**
     * The stage that undoes the target scaling (network outputs to target units).
     *
     * @param spec the scaler's spec
     * @param fitted the fitted scaler
     * @return the stage
     * @throws IllegalArgumentException if the scaler has no ONNX form
     */
    public static ColumnAffineStage targetInverse(String spec, Scaler.Fitted fitted) {
        ColumnAffineStage stage = stage(spec, fitted, true, "target scaler");
        verify(stage, fitted, true, spec, "target scaler");
        return stage;
    }

    private static ColumnAffineStage stage(String spec, Scaler.Fitted fitted, boolean inverse,
                                           String role) {
        if (spec == null) {
            throw new IllegalArgumentException("the model has a fitted " + role + " but no "
                    + "spec naming it; the ONNX export needs to know which scaler it is");
        }
        Spec s = Spec.parse(spec);
        double[][] stats = fitted.statistics();
        int n = fitted.columns();
        String name = inverse ? "target-inverse" : "input-scaling";
        switch (s.name()) {
            case "min-max" -> {
                double lo = real(s, "lo", 0.0);
                double hi = real(s, "hi", 1.0);
                double[] min = new double[n];
                double[] range = new double[n];
                for (int c = 0; c < n; c++) {
                    min[c] = stats[c][0];
                    range[c] = stats[c][1] - stats[c][0];
                }
                if (inverse) {
                    // min + (y - lo) * range / (hi - lo)
                    return new ColumnAffineStage(name, n, filled(n, lo), range,
                            filled(n, hi - lo), min);
                }
                // lo + (x - min) * (hi - lo) / range; a constant column maps to lo
                double[] mul = new double[n];
                double[] div = new double[n];
                for (int c = 0; c < n; c++) {
                    mul[c] = range[c] == 0.0 ? 0.0 : hi - lo;
                    div[c] = range[c] == 0.0 ? 1.0 : range[c];
                }
                return new ColumnAffineStage(name, n, min, mul, div, filled(n, lo));
            }
            case "z-score", "standard" -> {
                double[] mean = new double[n];
                double[] sd = new double[n];
                for (int c = 0; c < n; c++) {
                    mean[c] = stats[c][0];
                    sd[c] = stats[c][1] == 0.0 ? 1.0 : stats[c][1];
                }
                return inverse
                        // y * sd + mean
                        ? new ColumnAffineStage(name, n, null, sd, null, mean)
                        // (x - mean) / sd; a constant column is only centred
                        : new ColumnAffineStage(name, n, mean, null, sd, null);
            }
            default -> throw new IllegalArgumentException(role + " '" + spec + "' has no "
                    + "ONNX form; exportable scalers: min-max, z-score");
        }
    }

    private static double real(Spec s, String key, double defaultValue) {
        String v = s.arguments().get(key);
        return v == null ? defaultValue : Double.parseDouble(v);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static void verify(ColumnAffineStage stage, Scaler.Fitted fitted, boolean inverse,
                               String spec, String role) {
        int n = fitted.columns();
        double[][] stats = fitted.statistics();
        double[][] probes = new double[6][n];
        for (int c = 0; c < n; c++) {
            double a = stats[c][0];
            double b = stats[c][1];
            double[] col = {a, b, a - 1.5, b + 2.25, 0.0, 1.0};
            for (int r = 0; r < col.length; r++) {
                probes[r][c] = col[r];
            }
        }
        int rows = probes.length;
        double[] in = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(probes[r], 0, in, r * n, n);
        }
        double[] expected = new double[in.length];
        if (inverse) {
            fitted.inverse(in, expected, rows);
        } else {
            fitted.transform(in, expected, rows);
        }
        for (int i = 0; i < in.length; i++) {
            double got = stage.apply(i % n, in[i]);
            if (!(Math.abs(got - expected[i]) <= 1e-12 * (1 + Math.abs(expected[i])))) {
                throw new IllegalArgumentException(role + " '" + spec + "' does not compute "
                        + "the formula of its ONNX form (column " + (i % n) + ": " + in[i]
                        + " gives " + expected[i] + ", the formula " + got + ")");
            }
        }
    }
}
