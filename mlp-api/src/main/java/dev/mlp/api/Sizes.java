package dev.mlp.api;

/** The size checks of {@link Layer.Forward#requireSizes} and {@link Layer.Backward#requireSizes}. */
final class Sizes {

    private Sizes() {
    }

    static void require(Layer layer, int rows, int width, double[][] parameters, double[] state,
                        double[] scratch, double[][] rowArrays, String[] names) {
        if (rows < 0 || width < 1) {
            throw new IllegalArgumentException(where(layer, width) + "a pass needs at least 0 "
                    + "rows and 1 value per row, found " + rows + " rows");
        }
        long cells = (long) rows * width;
        for (int i = 0; i < rowArrays.length; i++) {
            if (rowArrays[i] == null || rowArrays[i].length < cells) {
                throw new IllegalArgumentException(where(layer, width) + "the " + names[i]
                        + " must hold " + rows + "x" + width + " values, found "
                        + (rowArrays[i] == null ? "none" : rowArrays[i].length));
            }
        }
        blocks(layer, width, parameters, "parameter");
        if (state != null && state.length != layer.stateSize(width)) {
            throw new IllegalArgumentException(where(layer, width) + "the state holds "
                    + state.length + " values, but rows of " + width + " need "
                    + layer.stateSize(width) + "; it was made for another width");
        }
        int need = layer.scratchSize(rows, width);
        if (scratch == null ? need > 0 : scratch.length < need) {
            throw new IllegalArgumentException(where(layer, width) + "the scratch holds "
                    + (scratch == null ? 0 : scratch.length) + " values, but " + rows
                    + " rows of " + width + " need " + need + "; it was made for another width "
                    + "or fewer rows");
        }
    }

    static void blocks(Layer layer, int width, double[][] blocks, String what) {
        int[] sizes = layer.parameterSizes(width);
        int found = blocks == null ? 0 : blocks.length;
        if (found != sizes.length) {
            throw new IllegalArgumentException(where(layer, width) + "expected " + sizes.length
                    + " " + what + " blocks, found " + found);
        }
        for (int b = 0; b < sizes.length; b++) {
            if (blocks[b] == null || blocks[b].length != sizes[b]) {
                throw new IllegalArgumentException(where(layer, width) + what + " block "
                        + (b + 1) + " holds " + (blocks[b] == null ? 0 : blocks[b].length)
                        + " values, but rows of " + width + " need " + sizes[b]
                        + "; it was made for another width");
            }
        }
    }

    private static String where(Layer layer, int width) {
        return "layer '" + layer.name() + "' on rows of " + width + " values: ";
    }
}
