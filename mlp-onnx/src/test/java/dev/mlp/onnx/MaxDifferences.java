package dev.mlp.onnx;

/** Keeps the largest difference the parity tests saw, to print it once at the end. */
final class MaxDifferences {

    private static String worstCase = "none";
    private static double worst = -1;

    private MaxDifferences() {
    }

    static synchronized void record(String what, double diff) {
        if (diff > worst) {
            worst = diff;
            worstCase = what;
        }
    }

    static synchronized String summary() {
        return "largest |ONNX Runtime - Model.predict| difference: " + worst + " (" + worstCase
                + ")";
    }
}
