package dev.mlp.core.loss;

/**
 * The fused output gradient shared by cross-entropy after softmax and binary cross-entropy after
 * sigmoid: in both pairs the derivative of the loss with respect to the pre-activations is
 * simply {@code a − y}.
 */
final class FusedDelta {

    private FusedDelta() {
    }

    static void outputMinusTarget(double[] a, double[] y, double[] delta, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            delta[i] = a[i] - y[i];
        }
    }
}
