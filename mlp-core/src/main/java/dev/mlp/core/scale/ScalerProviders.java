package dev.mlp.core.scale;

import dev.mlp.api.Scaler;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.ScalerProvider;
import java.util.List;

/**
 * Providers of the built-in scalers, listed in
 * {@code META-INF/services/dev.mlp.api.spi.ScalerProvider}.
 */
public final class ScalerProviders {

    private ScalerProviders() {
    }

    /** {@code min-max(lo, hi)}. */
    public static final class MinMax implements ScalerProvider {
        @Override
        public String name() {
            return "min-max";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.real("lo", 0.0, "image of each column's minimum"),
                    ParameterSpec.real("hi", 1.0, "image of each column's maximum, > lo"));
        }

        @Override
        public String description() {
            return "scale each column linearly to [lo, hi]";
        }

        @Override
        public Scaler create(Parameters p) {
            if (!(p.real("hi") > p.real("lo"))) {
                throw new SpecException("'min-max' needs hi > lo, found " + p.toSpec());
            }
            return new MinMaxScaler(p.real("lo"), p.real("hi"));
        }
    }

    /** {@code z-score}. */
    public static final class ZScore implements ScalerProvider {
        @Override
        public String name() {
            return "z-score";
        }

        @Override
        public List<String> aliases() {
            return List.of("standard");
        }

        @Override
        public String description() {
            return "centre each column on its mean and divide by its standard deviation";
        }

        @Override
        public Scaler create(Parameters p) {
            return new ZScoreScaler();
        }
    }
}
