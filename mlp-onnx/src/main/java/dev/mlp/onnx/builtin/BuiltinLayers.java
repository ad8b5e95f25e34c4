package dev.mlp.onnx.builtin;

import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.spi.LayerCall;
import dev.mlp.onnx.spi.OnnxLayerExporter;
import java.util.List;
import java.util.Map;

/**
 * The ONNX forms of the built-in layer plugins of {@code mlp-core} in inference mode, each with
 * the layer's trained parameters, inference state and epsilon in {@code tensor(double)}.
 * Listed in {@code META-INF/services/dev.mlp.onnx.spi.OnnxLayerExporter}.
 */
public final class BuiltinLayers {

    private BuiltinLayers() {
    }

    private abstract static class Base implements OnnxLayerExporter {
        private final String name;

        Base(String name) {
            this.name = name;
        }

        @Override
        public final String layerName() {
            return name;
        }
    }

    private static double epsilon(LayerCall call, double defaultValue) {
        double e = call.real("epsilon", defaultValue);
        if (!(e > 0)) {
            throw new IllegalArgumentException(call.where() + ": epsilon must be > 0, found "
                    + e);
        }
        return e;
    }

    /**
     * {@code batch-norm(momentum, epsilon)} with its running statistics:
     * {@code Add(Mul(gamma, Mul(Sub(x, mean), 1/sqrt(var + epsilon))), beta)}. The inverse
     * deviations are computed here in double exactly as the layer computes them; ONNX's
     * {@code BatchNormalization} would take epsilon as a 32-bit float attribute and compute
     * them itself.
     */
    public static final class BatchNorm extends Base {
        /** Exports {@code batch-norm}. */
        public BatchNorm() {
            super("batch-norm");
        }

        @Override
        public String export(GraphBuilder g, String x, LayerCall call) {
            int w = call.width();
            double epsilon = epsilon(call, 1e-5);
            double[] gamma = call.block(0, w);
            double[] beta = call.block(1, w);
            double[] state = call.state(2 * w);
            double[] mean = new double[w];
            double[] inverse = new double[w];
            for (int c = 0; c < w; c++) {
                mean[c] = state[c];
                inverse[c] = 1.0 / Math.sqrt(state[w + c] + epsilon);
            }
            long[] shape = {1, w};
            String h = g.node("Mul", g.node("Sub", x, g.constant("running_mean", mean, shape)),
                    g.constant("inverse_deviation", inverse, shape));
            String scaled = g.node("Mul", g.constant("gamma", gamma, shape), h);
            return g.node("Add", scaled, g.constant("beta", beta, shape));
        }
    }

    /** {@code ReduceMean} over the columns, one value per row ({@code [N, 1]}). */
    private static String rowMean(GraphBuilder g, String x) {
        return g.node("ReduceMean", List.of(x), Map.of("axes", new long[] {1}, "keepdims", 1L));
    }

    /** {@code Reciprocal(Sqrt(v + epsilon))}, epsilon a double constant. */
    private static String inverseRoot(GraphBuilder g, String v, double epsilon) {
        return g.node("Reciprocal", g.node("Sqrt", g.node("Add", v,
                g.scalar("epsilon", epsilon))));
    }

    /**
     * {@code layer-norm(epsilon)} from elementary operators, step for step as the layer computes:
     * {@code d = Sub(x, ReduceMean(x))}, {@code h = Mul(d, Reciprocal(Sqrt(ReduceMean(Mul(d, d))
     * + epsilon)))}, {@code Add(Mul(gamma, h), beta)}. ONNX's {@code LayerNormalization}
     * (operator set 17) takes epsilon as a 32-bit float attribute: 1e-5 becomes
     * 9.99999975e-6, which moved the outputs of this module's tests by up to 8e-8 from the
     * network's.
     */
    public static final class LayerNorm extends Base {
        /** Exports {@code layer-norm}. */
        public LayerNorm() {
            super("layer-norm");
        }

        @Override
        public String export(GraphBuilder g, String x, LayerCall call) {
            int w = call.width();
            double epsilon = epsilon(call, 1e-5);
            double[] gamma = call.block(0, w);
            double[] beta = call.block(1, w);
            String d = g.node("Sub", x, rowMean(g, x));
            String h = g.node("Mul", d, inverseRoot(g, rowMean(g, g.node("Mul", d, d)),
                    epsilon));
            String scaled = g.node("Mul", g.constant("gamma", gamma, 1, w), h);
            return g.node("Add", scaled, g.constant("beta", beta, 1, w));
        }
    }

    /**
     * {@code rms-norm(epsilon)} from elementary operators, standard ONNX having no RMS
     * normalization at operator set 17:
     * {@code Mul(Mul(gamma, x), Reciprocal(Sqrt(ReduceMean(Mul(x, x)) + epsilon)))}, the mean
     * over the columns with {@code axes} as an attribute (an input from operator set 18 on).
     */
    public static final class RmsNorm extends Base {
        /** Exports {@code rms-norm}. */
        public RmsNorm() {
            super("rms-norm");
        }

        @Override
        public String export(GraphBuilder g, String x, LayerCall call) {
            int w = call.width();
            double epsilon = epsilon(call, 1e-8);
            String inverse = inverseRoot(g, rowMean(g, g.node("Mul", x, x)), epsilon);
            String scaled = g.node("Mul", g.constant("gamma", call.block(0, w), 1, w), x);
            return g.node("Mul", scaled, inverse);
        }
    }

    /** {@code dropout(p)}: the identity at inference, no node. */
    public static final class Dropout extends Base {
        /** Exports {@code dropout}. */
        public Dropout() {
            super("dropout");
        }

        @Override
        public String export(GraphBuilder g, String x, LayerCall call) {
            return x;
        }
    }
}
