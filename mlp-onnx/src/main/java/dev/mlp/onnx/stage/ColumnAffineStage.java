package dev.mlp.onnx.stage;

import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;

/**
 * A per-column affine map written in a fixed order of steps,
 * {@code out = ((in − subtract) · multiply) / divide + add}, each step optional, so that it
 * repeats a scaler's own formula operation for operation: min-max scaling is
 * {@code lo + (x − min)(hi − lo)/range}, z-score scaling {@code (x − mean)/sd}, and their
 * inverses likewise. Each vector has one entry per column.
 */
public final class ColumnAffineStage implements ExportStage {

    private final String name;
    private final int columns;
    private final double[] subtract;
    private final double[] multiply;
    private final double[] divide;
    private final double[] add;

    /**
     * @param name the stage's name
     * @param columns the number of columns
     * @param subtract subtracted first, or {@code null}
     * @param multiply then multiplied by, or {@code null}
     * @param divide then divided by, or {@code null}
     * @param add then added, or {@code null}
     */
    public ColumnAffineStage(String name, int columns, double[] subtract, double[] multiply,
                             double[] divide, double[] add) {
        this.name = name;
        this.columns = columns;
        this.subtract = check(subtract, columns, "subtract");
        this.multiply = check(multiply, columns, "multiply");
        this.divide = check(divide, columns, "divide");
        this.add = check(add, columns, "add");
    }

    private static double[] check(double[] v, int columns, String what) {
        if (v != null && v.length != columns) {
            throw new IllegalArgumentException(what + " needs " + columns + " values, found "
                    + v.length);
        }
        return v == null ? null : v.clone();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Applies the map in Java, step for step as the nodes do.
     *
     * @param column the column
     * @param x the value
     * @return the mapped value
     */
    public double apply(int column, double x) {
        double v = x;
        if (subtract != null) {
            v = v - subtract[column];
        }
        if (multiply != null) {
            v = v * multiply[column];
        }
        if (divide != null) {
            v = v / divide[column];
        }
        if (add != null) {
            v = add[column] + v;
        }
        return v;
    }

    @Override
    public Tensor apply(GraphBuilder g, Tensor input) {
        if (input.columns() != columns) {
            throw new IllegalArgumentException(name + " takes " + columns + " columns, but "
                    + "its input '" + input.name() + "' has " + input.columns());
        }
        String v = input.name();
        long[] shape = {1, columns};
        if (subtract != null) {
            v = g.node("Sub", v, g.constant("subtract", subtract, shape));
        }
        if (multiply != null) {
            v = g.node("Mul", v, g.constant("multiply", multiply, shape));
        }
        if (divide != null) {
            v = g.node("Div", v, g.constant("divide", divide, shape));
        }
        if (add != null) {
            v = g.node("Add", g.constant("add", add, shape), v);
        }
        return new Tensor(v, columns);
    }
}
