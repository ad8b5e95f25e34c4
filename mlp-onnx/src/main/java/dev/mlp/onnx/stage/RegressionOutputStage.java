package dev.mlp.onnx.stage;

import dev.mlp.onnx.graph.ElementType;
import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;

/**
 * Publishes a regression model's outputs as {@code predictions}, {@code tensor(double)}
 * {@code [N, outputs]}, in the targets' own units.
 */
public final class RegressionOutputStage implements ExportStage {

    /** The name of the output. */
    public static final String PREDICTIONS = "predictions";

    @Override
    public String name() {
        return "output";
    }

    @Override
    public Tensor apply(GraphBuilder g, Tensor input) {
        g.output(input.name(), PREDICTIONS, ElementType.DOUBLE,
                "the predicted targets, in their own units", "N", (long) input.columns());
        return new Tensor(PREDICTIONS, input.columns());
    }
}
