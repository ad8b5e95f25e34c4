package dev.mlp.onnx.stage;

import dev.mlp.onnx.graph.ElementType;
import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Publishes a classifier's outputs: {@code probabilities}, {@code tensor(double)}
 * {@code [N, classes]}, and {@code label}, {@code tensor(string)} {@code [N]}, the name of the
 * most probable class (the first on ties), as {@code mlp predict} reports them. A single
 * sigmoid output {@code p} is the probability of the second class: its probabilities are
 * {@code [1 − p, p]}.
 */
public final class ClassifierOutputStage implements ExportStage {

    /** The name of the probabilities output. */
    public static final String PROBABILITIES = "probabilities";
    /** The name of the label output. */
    public static final String LABEL = "label";

    private final List<String> classNames;

    /**
     * @param classNames the class names in output order (two for a single output)
     */
    public ClassifierOutputStage(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        if (this.classNames.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 class names, "
                    + "found " + classNames);
        }
    }

    @Override
    public String name() {
        return "output";
    }

    @Override
    public Tensor apply(GraphBuilder g, Tensor input) {
        int k = classNames.size();
        String p = input.name();
        if (input.columns() == 1 && k == 2) {
            String complement = g.node("Sub", g.scalar("one", 1.0), p);
            p = g.node("Concat", List.of(complement, p), Map.of("axis", 1L));
        } else if (input.columns() != k) {
            throw new IllegalArgumentException("the network gives " + input.columns()
                    + " outputs, but there are " + k + " class names " + classNames);
        }
        String index = g.node("ArgMax", List.of(p), Map.of("axis", 1L, "keepdims", 0L,
                "select_last_index", 0L));
        String names = g.constantStrings("class_names", classNames, k);
        String label = g.node("Gather", List.of(names, index), Map.of("axis", 0L));
        g.output(p, PROBABILITIES, ElementType.DOUBLE,
                "the probability of each class, classes in the order of metadata class_names",
                "N", (long) k);
        g.output(label, LABEL, ElementType.STRING, "the name of the most probable class", "N");
        return new Tensor(PROBABILITIES, k);
    }
}
