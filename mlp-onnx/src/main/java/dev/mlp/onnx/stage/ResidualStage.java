package dev.mlp.onnx.stage;

import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;
import java.util.List;

/**
 * A residual block: the stages inside it (dense layers, their activations, layer plugins,
 * nested residual blocks), then {@code Add} of the block's input and their output, as the
 * network adds them.
 */
public final class ResidualStage implements ExportStage {

    private final int number;
    private final List<ExportStage> body;

    /**
     * @param number the 1-based number of the block among the network's residual blocks, in
     *        the order their starts appear in the network spec
     * @param body the stages inside, at least one
     */
    public ResidualStage(int number, List<ExportStage> body) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("residual block " + number + " has no stage "
                    + "inside");
        }
        this.number = number;
        this.body = List.copyOf(body);
    }

    @Override
    public String name() {
        return "residual" + number;
    }

    /** @return the stages inside the block, in order */
    public List<ExportStage> body() {
        return body;
    }

    @Override
    public Tensor apply(GraphBuilder g, Tensor input) {
        Tensor t = input;
        for (ExportStage stage : body) {
            g.scope(stage.name());
            t = stage.apply(g, t);
        }
        g.scope(name());
        if (t.columns() != input.columns()) {
            throw new IllegalArgumentException(name() + " takes " + input.columns()
                    + " columns but its last stage gives " + t.columns());
        }
        return new Tensor(g.node("Add", t.name(), input.name()), input.columns());
    }
}
