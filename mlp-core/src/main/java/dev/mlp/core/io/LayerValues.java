package dev.mlp.core.io;

import dev.mlp.core.layer.LayeredNetwork;

/**
 * Puts a {@code layers} section's parameters and inference state back into a rebuilt
 * {@link LayeredNetwork}, bit for bit, after checking that every block fits.
 */
final class LayerValues {

    private LayerValues() {
    }

    static void restore(LayeredNetwork n, NetworkLayers stored) {
        if (n.layerPluginCount() != stored.layers().size()) {
            throw new IllegalArgumentException("the network spec '" + stored.spec() + "' has "
                    + n.layerPluginCount() + " layers other than dense ones, but the file "
                    + "stores values for " + stored.layers().size());
        }
        for (int k = 0; k < n.layerPluginCount(); k++) {
            NetworkLayers.Block b = stored.layers().get(k);
            String what = "layer " + (k + 1) + " of the non-dense layers ('" + b.spec() + "')";
            double[][] params = n.layerParameters(k);
            if (params.length != b.parameters().size()) {
                throw new IllegalArgumentException(what + " has " + params.length
                        + " parameter blocks, but the file stores " + b.parameters().size());
            }
            for (int p = 0; p < params.length; p++) {
                copy(b.parameters().get(p), params[p], what + " parameter block " + (p + 1));
            }
            copy(b.state(), n.layerState(k), what + " state");
        }
    }

    private static void copy(double[] from, double[] to, String what) {
        if (from.length != to.length) {
            throw new IllegalArgumentException(what + " must have " + to.length
                    + " values, but the file stores " + from.length);
        }
        for (double v : from) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " holds " + v + "; a model file "
                        + "holds finite numbers only");
            }
        }
        System.arraycopy(from, 0, to, 0, from.length);
    }
}
