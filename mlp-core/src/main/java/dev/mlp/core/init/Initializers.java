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
     * He et al. (2015): weights from {@code N(0, 2/fanIn)} (a plain normal, not truncated), biases
     * zero. Suited to ReLU layers. Registered as {@code he}, also found as {@code he-normal}.
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

    /**
     * LeCun et al. (1998, "Efficient BackProp"): weights from {@code N(0, 1/fanIn)}, biases zero.
     * Suited to tanh and SELU-like layers. A plain normal, not truncated.
     */
    public static final WeightInitializer LECUN = scaledNormal("lecun", 1.0, false);

    /**
     * Glorot and Bengio (2010), normal form: weights from {@code N(0, 2/(fanIn+fanOut))}, biases
     * zero. The same variance as {@link #XAVIER}; a plain normal, not truncated.
     */
    public static final WeightInitializer XAVIER_NORMAL = scaledNormal("xavier-normal", 2.0,
            true);

    /**
     * Weights from {@code N(0, scale / n)} with {@code n = fanIn}, or {@code fanIn + fanOut} when
     * {@code bothFans}; biases zero.
     */
    private static WeightInitializer scaledNormal(String name, double scale, boolean bothFans) {
        return new WeightInitializer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void initialize(int layer, int fanIn, int fanOut, double[] weights,
                                   double[] biases, RandomGenerator random) {
                double sd = Math.sqrt(scale / (bothFans ? fanIn + fanOut : fanIn));
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = sd * random.nextGaussian();
                }
                if (biases != null) {
                    Arrays.fill(biases, 0.0);
                }
            }
        };
    }

    /**
     * Weights drawn independently from the normal distribution {@code N(mean, std²)} (plain, not
     * truncated), biases zero.
     *
     * @param mean the mean, finite
     * @param std the standard deviation, finite and at least 0
     * @return the initializer
     */
    public static WeightInitializer normal(double mean, double std) {
        if (!Double.isFinite(mean) || !(std >= 0.0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("normal needs a finite mean and a finite std >= 0,"
                    + " found mean=" + mean + ", std=" + std);
        }
        return new WeightInitializer() {
            @Override
            public String name() {
                return "normal";
            }

            @Override
            public void initialize(int layer, int fanIn, int fanOut, double[] weights,
                                   double[] biases, RandomGenerator random) {
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = mean + std * random.nextGaussian();
                }
                if (biases != null) {
                    Arrays.fill(biases, 0.0);
                }
            }
        };
    }

    /**
     * Every weight {@code value} and every bias {@code bias}; draws nothing from the generator.
     * With equal weights all neurons of a layer learn the same thing, so this is for tests and
     * special set-ups rather than for training from scratch.
     *
     * @param value the weight, finite
     * @param bias the bias, finite
     * @return the initializer
     */
    public static WeightInitializer constant(double value, double bias) {
        if (!Double.isFinite(value) || !Double.isFinite(bias)) {
            throw new IllegalArgumentException("constant needs finite values, found value="
                    + value + ", bias=" + bias);
        }
        return new WeightInitializer() {
            @Override
            public String name() {
                return "constant";
            }

            @Override
            public void initialize(int layer, int fanIn, int fanOut, double[] weights,
                                   double[] biases, RandomGenerator random) {
                Arrays.fill(weights, value);
                if (biases != null) {
                    Arrays.fill(biases, bias);
                }
            }
        };
    }

    /**
     * Saxe et al. (2014): a random orthogonal weight matrix times {@code gain}, biases zero. The
     * {@code fanIn x fanOut} matrix has orthonormal columns ({@code WᵀW = gain² I}) when
     * {@code fanIn >= fanOut}, orthonormal rows ({@code WWᵀ = gain² I}) otherwise. It is the
     * {@code Q} of the Householder QR decomposition of a matrix of {@code fanIn · fanOut} standard
     * normal draws, sign-corrected so that {@code R} has a positive diagonal, which makes it
     * uniformly (Haar) distributed.
     *
     * @param gain the factor applied to every weight, finite and greater than 0
     * @return the initializer
     */
    public static WeightInitializer orthogonal(double gain) {
        return Orthonormal.initializer(gain);
    }

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
            return List.of("kaiming", "he-normal");
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

    /** {@code lecun}. */
    public static final class LecunProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "lecun";
        }

        @Override
        public List<String> aliases() {
            return List.of("lecun-normal");
        }

        @Override
        public String description() {
            return "LeCun normal: N(0, 1/fanIn); zero biases";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            return LECUN;
        }
    }

    /** {@code xavier-normal}. */
    public static final class XavierNormalProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "xavier-normal";
        }

        @Override
        public List<String> aliases() {
            return List.of("glorot-normal");
        }

        @Override
        public String description() {
            return "Glorot normal: N(0, 2/(fanIn+fanOut)); zero biases";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            return XAVIER_NORMAL;
        }
    }

    /** {@code normal(mean, std)}. */
    public static final class NormalProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "normal";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.real("mean", 0.0, "mean of the weights"),
                    ParameterSpec.real("std", 0.05, "standard deviation of the weights")
                            .atLeast(0.0));
        }

        @Override
        public String description() {
            return "weights from N(mean, std^2), not truncated; zero biases";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            return normal(p.real("mean"), p.real("std"));
        }
    }

    /** {@code constant(value, bias)}. */
    public static final class ConstantProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.real("value", 0.0, "every weight"),
                    ParameterSpec.real("bias", 0.0, "every bias"));
        }

        @Override
        public String description() {
            return "every weight value, every bias bias";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            return constant(p.real("value"), p.real("bias"));
        }
    }

    /** {@code orthogonal(gain)}. */
    public static final class OrthogonalProvider implements WeightInitializerProvider {
        @Override
        public String name() {
            return "orthogonal";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.real("gain", 1.0, "factor applied to the orthogonal "
                    + "matrix").above(0.0));
        }

        @Override
        public String description() {
            return "random orthogonal weights (QR of a Gaussian matrix) times gain; zero biases";
        }

        @Override
        public WeightInitializer create(Parameters p) {
            return orthogonal(p.real("gain"));
        }
    }
}
