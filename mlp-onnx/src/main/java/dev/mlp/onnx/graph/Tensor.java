package dev.mlp.onnx.graph;

import java.util.Objects;

/**
 * A tensor of shape {@code [N, columns]} flowing from one export stage to the next: its name in
 * the graph and its column count ({@code N}, the number of rows, is left free).
 *
 * @param name the value's name in the graph
 * @param columns the number of columns, at least 1
 */
public record Tensor(String name, int columns) {

    /** Checks the name and the column count. */
    public Tensor {
        Objects.requireNonNull(name, "name");
        if (columns < 1) {
            throw new IllegalArgumentException("a tensor needs at least 1 column, found "
                    + columns + " for '" + name + "'");
        }
    }
}
