package dev.mlp.core.layer;

import dev.mlp.api.Layer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LayerProvider;
import java.util.List;

/**
 * Providers of the built-in layers, listed in
 * {@code META-INF/services/dev.mlp.api.spi.LayerProvider}.
 */
public final class LayerProviders {

    private LayerProviders() {
    }

    static final ParameterSpec EPSILON = ParameterSpec.real("epsilon", 1e-5,
            "added to the variance before its square root, > 0").above(0);

    /** {@code batch-norm(momentum, epsilon)}. */
    public static final class BatchNormalization extends DeclaredProvider<Layer>
            implements LayerProvider {
        /** Declares {@code batch-norm}. */
        public BatchNormalization() {
            super(BatchNorm.NAME, "normalize each column by the batch's statistics in training "
                    + "and running estimates in inference, then scale and shift",
                    List.of(ParameterSpec.real("momentum", 0.9, "weight of the old running "
                            + "estimate in each update, in [0, 1)").atLeast(0).below(1),
                            EPSILON),
                    p -> new BatchNorm(p.real("momentum"), p.real("epsilon")));
        }
    }

    /** {@code layer-norm(epsilon)}. */
    public static final class LayerNormalization extends DeclaredProvider<Layer>
            implements LayerProvider {
        /** Declares {@code layer-norm}. */
        public LayerNormalization() {
            super(LayerNorm.NAME, "normalize each row by its own mean and variance, then scale "
                    + "and shift", List.of(EPSILON), p -> new LayerNorm(p.real("epsilon")));
        }
    }

    /** {@code rms-norm(epsilon)}. */
    public static final class RmsNormalization extends DeclaredProvider<Layer>
            implements LayerProvider {
        /** Declares {@code rms-norm}. */
        public RmsNormalization() {
            super(RmsNorm.NAME, "divide each row by its root mean square, then scale",
                    List.of(ParameterSpec.real("epsilon", 1e-8, "added to the mean square "
                            + "before its square root, > 0").above(0)),
                    p -> new RmsNorm(p.real("epsilon")));
        }
    }

    /** {@code dropout(p)}. */
    public static final class Dropout extends DeclaredProvider<Layer> implements LayerProvider {
        /** Declares {@code dropout}. */
        public Dropout() {
            super(DropoutLayer.NAME, "in training, zero each value with probability p and "
                    + "scale the others by 1/(1-p)",
                    List.of(ParameterSpec.real("p", 0.5, "probability of dropping a value, "
                            + "in [0, 1)").atLeast(0).below(1)),
                    p -> new DropoutLayer(p.real("p")));
        }
    }
}
