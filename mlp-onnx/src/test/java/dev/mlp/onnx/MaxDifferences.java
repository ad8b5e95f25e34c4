package dev.mlp.onnx;

import java.util.concurrent.atomic.AtomicReference;

/** Keeps the largest difference a parity test saw, to report it. */
final class MaxDifferences {

    private static final AtomicReference<String> WORST = new AtomicReference<>("none");
    private static volatile double worst = -1;

    private MaxDifferences() {
    }

    static synchronized void record(String what, double diff) {
        if (diff > worst) {
            worst = diff;
            WORST.set(what + ": " + diff);
            System.err.println("largest ONNX Runtime difference so far: " + WORST.get());
        }
    }
}
