package dev.mlp.core.layer;

/**
 * One step of the passes of a {@link LayeredNetwork}, in forward order.
 *
 * @param kind what the step does
 * @param index the 0-based dense layer ({@link Kind#DENSE}) or layer plugin
 *              ({@link Kind#LAYER}) it runs; unused for the residual markers
 * @param width the width of the step's output
 * @param partner for {@link Kind#END}, the position of its block's {@link Kind#BEGIN} step;
 *                -1 otherwise
 */
record Step(Kind kind, int index, int width, int partner) {

    /** What a step does. */
    enum Kind {
        /** A dense layer: {@code A = f(X·W + b)}. */
        DENSE,
        /** A layer plugin. */
        LAYER,
        /** The start of a residual block: remembers its input. */
        BEGIN,
        /** The end of a residual block: adds the block's input to its output. */
        END
    }
}
