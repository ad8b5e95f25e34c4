package dev.mlp.core.init;

import dev.mlp.api.WeightInitializer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.WeightInitializerProvider;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The built-in initializers and their providers, listed in
 * {@code META-INF/services/dev.mlp.api.spi.WeightInitializerProvider}.
 */
public final class Initializers {

    private Initializers() {
    }

    /**
     * Weights and biases drawn independently from {@code U(min, max)}.
     *
     * @param min lower end
     * @param max upper end, greater than {@code min}
     * @return the initializer
     */
    public static WeightInitializer uniform(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("uniform needs max > min, found min=" + min
                    + ", max=" + max);
        }
        return new WeightInitializer() {
            @Override
            public String name() {
                return "uniform";
            }

            @Override
            public void initialize(int layer, int fanIn, int fanOut, double[] weights,
                                   double[] biases, RandomGenerator random) {
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = min + (max - min) * random.nextDouble();
                }
                if (biases != null) {
                    for (int i = 0; i < biases.length; i++) {
                        biases[i] = min + (max - min) * random.nextDouble();
                    }
                }
            }
        };
    }

    /**
     * Glorot and Bengio (2010): weights from {@code U(−r, r)}, {@code r = √(6/(fanIn+fanOut))},
     * biases zero. Suited to sigmoid and tanh layers.
     */
    public static final WeightInitializer XAVIER = new WeightInitializer() {
        @Override
        public String name() {
            return "xavier";
        }

        @Override
        public void initialize(int layer, int fanIn, int fanOut, double[] weights,
                               double[] biases, RandomGenerator random) {
            double r = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < weights.length; i++) {
                weights[i] = r * (2.0 * random.nextDouble() - 1.0);
            }
            if (biases != null) {
                Arrays.fill(biases, 0.0);
            }
        }
    };

    /**
     * He et al. (2015): weights from {@code N(0, 2/fanIn)}, biases zero. Suited to ReLU layers.
     */
    public static final WeightInitializer HE = new WeightInitializer() {
        @Override
        public String name() {
            return "he";
        }

        @Override
        public void initialize(int layer, int fanIn, int fanOut, double[] weights,
                               double[] biases, RandomGenerator random) {
            double sd = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < weights.length; i++) {
                weights[i] = sd * random.nextGaussian();
            }
            if (biases != null) {
                Arrays.fill(biases, 0.0);
            }
        }
    };

    /** Every weight and bias zero; useful with {@link ExplicitWeights} and in tests. */
    public static final WeightInitializer ZEROS = new WeightInitializer() {
        @Override
        public String name() {
            return "zeros";
        }

        @Override
        public void initialize(int layer, int fanIn, int fanOut, double[] weights,
                               double[] biases, RandomGenerator random) {
            Arrays.fill(weights, 0.0);
            if (biases != null) {
                Arrays.fill(biases, 0.0);
            }
        }
    };

    /** {@code uniform(min, max)}. */
    public static final class UniformProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "uniform";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.real("min", -0.5, "lower end"),
                    ParameterSpec.real("max", 0.5, "upper end, > min"));
        }

        @Override
        public String description() {
            return "weights and biases drawn from U(min, max)";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            if (!(p.real("max") > p.real("min"))) {
                throw new SpecException("'uniform' needs max > min, found " + p.toSpec());
            }
            return uniform(p.real("min"), p.real("max"));
        }
    }

    /** {@code xavier}. */
    public static final class XavierProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "xavier";
        }

        @Override
        public List<String> aliases() {
            return List.of("glorot");
        }

        @Override
        public String description() {
            return "Glorot uniform: U(-r, r), r = sqrt(6/(fanIn+fanOut)); zero biases";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            return XAVIER;
        }
    }

    /** {@code he}. */
    public static final class HeProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "he";
        }

        @Override
        public List<String> aliases() {
            return List.of("kaiming");
        }

        @Override
        public String description() {
            return "He normal: N(0, 2/fanIn); zero biases";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            return HE;
        }
    }

    /** {@code zeros}. */
    public static final class ZerosProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "zeros";
        }

        @Override
        public String description() {
            return "all weights and biases zero";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            return ZEROS;
        }
    }
}
