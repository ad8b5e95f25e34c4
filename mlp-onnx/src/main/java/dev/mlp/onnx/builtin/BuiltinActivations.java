package dev.mlp.onnx.builtin;

import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.spi.ActivationCall;
import dev.mlp.onnx.spi.OnnxActivationExporter;
import java.util.List;
import java.util.Map;

/**
 * The ONNX forms of the activations of {@code mlp-activations}, each written with the
 * activation's own formula and constants in {@code tensor(double)} operators that ONNX Runtime
 * runs in double precision. Listed in
 * {@code META-INF/services/dev.mlp.onnx.spi.OnnxActivationExporter}.
 */
public final class BuiltinActivations {

    /** SELU's alpha, as in {@code dev.mlp.activations.Selu}. */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    /** SELU's lambda, as in {@code dev.mlp.activations.Selu}. */
    static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double GELU_K = 0.044715;
    private static final double INV_SQRT2 = 0.7071067811865476;

    private BuiltinActivations() {
    }

    private abstract static class Base implements OnnxActivationExporter {
        private final String name;

        Base(String name) {
            this.name = name;
        }

        @Override
        public final String activationName() {
            return name;
        }
    }

    /** {@code where(z > 0, a, b)}. */
    private static String positiveOr(GraphBuilder g, String z, String positive, String other) {
        String gt = g.node("Greater", z, g.scalar("zero", 0.0));
        return g.node("Where", gt, positive, other);
    }

    /** {@code max(z, 0) + log(1 + exp(-|z|))}, softplus in its overflow-free form. */
    private static String softplus(GraphBuilder g, String z) {
        String e = g.node("Exp", g.node("Neg", g.node("Abs", z)));
        String log = g.node("Log", g.node("Add", e, g.scalar("one", 1.0)));
        return g.node("Add", g.node("Max", z, g.scalar("zero", 0.0)), log);
    }

    private static String clip(GraphBuilder g, String z, double lo, double hi) {
        return g.node("Clip", List.of(z, g.scalar("lo", lo), g.scalar("hi", hi)), Map.of());
    }

    /** {@code identity}: {@code z}, no node. */
    public static final class Identity extends Base {
        /** Exports {@code identity}. */
        public Identity() {
            super("identity");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return z;
        }
    }

    /** {@code sigmoid}: {@code Sigmoid}. */
    public static final class Sigmoid extends Base {
        /** Exports {@code sigmoid}. */
        public Sigmoid() {
            super("sigmoid");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return g.node("Sigmoid", z);
        }
    }

    /** {@code tanh}: {@code Tanh}. */
    public static final class Tanh extends Base {
        /** Exports {@code tanh}. */
        public Tanh() {
            super("tanh");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return g.node("Tanh", z);
        }
    }

    /** {@code relu}: {@code Relu}. */
    public static final class Relu extends Base {
        /** Exports {@code relu}. */
        public Relu() {
            super("relu");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return g.node("Relu", z);
        }
    }

    /** {@code leaky-relu(alpha)}: {@code where(z > 0, z, alpha·z)}. */
    public static final class LeakyRelu extends Base {
        /** Exports {@code leaky-relu}. */
        public LeakyRelu() {
            super("leaky-relu");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            String alpha = g.scalar("alpha", call.real("alpha", 0.01));
            return positiveOr(g, z, z, g.node("Mul", alpha, z));
        }
    }

    /** {@code elu(alpha)}: {@code where(z > 0, z, alpha·(exp(z) − 1))}. */
    public static final class Elu extends Base {
        /** Exports {@code elu}. */
        public Elu() {
            super("elu");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            String alpha = g.scalar("alpha", call.real("alpha", 1.0));
            String em1 = g.node("Sub", g.node("Exp", z), g.scalar("one", 1.0));
            return positiveOr(g, z, z, g.node("Mul", alpha, em1));
        }
    }

    /** {@code selu}: {@code where(z > 0, λ·z, λα·(exp(z) − 1))}. */
    public static final class Selu extends Base {
        /** Exports {@code selu}. */
        public Selu() {
            super("selu");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            String em1 = g.node("Sub", g.node("Exp", z), g.scalar("one", 1.0));
            String neg = g.node("Mul", g.scalar("lambda_alpha", SELU_LAMBDA * SELU_ALPHA), em1);
            String pos = g.node("Mul", g.scalar("lambda", SELU_LAMBDA), z);
            return positiveOr(g, z, pos, neg);
        }
    }

    /** {@code softplus}: {@code max(z, 0) + log(1 + exp(−|z|))}. */
    public static final class Softplus extends Base {
        /** Exports {@code softplus}. */
        public Softplus() {
            super("softplus");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return softplus(g, z);
        }
    }

    /** {@code softmax}: {@code Softmax} over each row. */
    public static final class Softmax extends Base {
        /** Exports {@code softmax}. */
        public Softmax() {
            super("softmax");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return g.node("Softmax", List.of(z), Map.of("axis", 1L));
        }
    }

    /**
     * {@code gelu(approximate)}: {@code z·½erfc(−z/√2)} with erfc written out as the model
     * computes it (ONNX Runtime has no double {@code Erf}), or with {@code approximate=tanh}
     * {@code ½z(1 + tanh(√(2/π)(z + 0.044715z³)))}.
     */
    public static final class Gelu extends Base {
        /** Exports {@code gelu}. */
        public Gelu() {
            super("gelu");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            String approximate = call.text("approximate", "none");
            String half = g.scalar("half", 0.5);
            if ("tanh".equals(approximate)) {
                String one = g.scalar("one", 1.0);
                String z3 = g.node("Mul", g.node("Mul", z, z), z);
                String inner = g.node("Add", z, g.node("Mul", g.scalar("k", GELU_K), z3));
                String t = g.node("Tanh", g.node("Mul", g.scalar("sqrt_2_over_pi",
                        SQRT_2_OVER_PI), inner));
                return g.node("Mul", g.node("Mul", half, z), g.node("Add", one, t));
            }
            if (!"none".equals(approximate)) {
                throw new IllegalArgumentException("layer " + call.layer() + ": gelu's "
                        + "approximate must be none or tanh, found '" + approximate + "'");
            }
            // Phi(z) = erfc(-z/sqrt 2)/2, erfc as the model computes it
            String hi = g.node("Mul", g.node("Neg", z), g.scalar("inv_sqrt2", INV_SQRT2));
            String phi = g.node("Mul", half, CodyErfc.erfc(g, hi));
            return g.node("Mul", z, phi);
        }
    }

    /**
     * {@code silu} (swish): {@code z·sigmoid(z)}, written {@code z/(1 + exp(−z))}: ONNX
     * Runtime rewrites {@code Mul(z, Sigmoid(z))} into an operator that has no double kernel.
     */
    public static final class Silu extends Base {
        /** Exports {@code silu}. */
        public Silu() {
            super("silu");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return g.node("Div", z, g.node("Add", g.scalar("one", 1.0),
                    g.node("Exp", g.node("Neg", z))));
        }
    }

    /** {@code mish}: {@code z·tanh(softplus(z))}. */
    public static final class Mish extends Base {
        /** Exports {@code mish}. */
        public Mish() {
            super("mish");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return g.node("Mul", z, g.node("Tanh", softplus(g, z)));
        }
    }

    /** {@code softsign}: {@code z/(1 + |z|)}. */
    public static final class Softsign extends Base {
        /** Exports {@code softsign}. */
        public Softsign() {
            super("softsign");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return g.node("Div", z, g.node("Add", g.scalar("one", 1.0), g.node("Abs", z)));
        }
    }

    /** {@code hard-sigmoid}: {@code clip(z + 3, 0, 6)/6}. */
    public static final class HardSigmoid extends Base {
        /** Exports {@code hard-sigmoid}. */
        public HardSigmoid() {
            super("hard-sigmoid");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            String shifted = g.node("Add", z, g.scalar("three", 3.0));
            return g.node("Div", clip(g, shifted, 0.0, 6.0), g.scalar("six", 6.0));
        }
    }

    /** {@code hard-tanh}: {@code clip(z, −1, 1)}. */
    public static final class HardTanh extends Base {
        /** Exports {@code hard-tanh}. */
        public HardTanh() {
            super("hard-tanh");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return clip(g, z, -1.0, 1.0);
        }
    }

    /** {@code relu6}: {@code clip(z, 0, 6)}. */
    public static final class Relu6 extends Base {
        /** Exports {@code relu6}. */
        public Relu6() {
            super("relu6");
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return clip(g, z, 0.0, 6.0);
        }
    }
}
