package dev.mlp.testkit;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds check against constructors stricter than their declared ranges. */
class BoundsCheckTest {

    private static final ParameterSpec LO = ParameterSpec.real("lo", 1.0, "lower").above(0);
    private static final ParameterSpec HI = ParameterSpec.real("hi", 2.0, "upper").above(0);

    private static GradientTransform identity() {
        return new GradientTransform() {
            @Override
            public String name() {
                return "pair";
            }

            @Override
            public double apply(ParameterLayout layout, double[][] parameters,
                                double[][] gradients) {
                return 0.0;
            }
        };
    }

    private static GradientTransformProvider pair(boolean namesBoth) {
        return Kit.provider(GradientTransformProvider.class, "pair", List.of(LO, HI), p -> {
            double lo = p.real("lo");
            double hi = p.real("hi");
            if (lo > hi) {
                throw new SpecException(namesBoth
                        ? "'pair' needs lo <= hi, found " + lo + " and " + hi
                        : "'pair' refuses lo=" + lo);
            }
            return identity();
        });
    }

    @Test
    void aConstraintBetweenParametersThatNamesThemIsAccepted() {
        Kit.passes(PluginContracts.of(pair(true)));
    }

    @Test
    void aConstructorStricterThanItsRangeFails() {
        Kit.failure(PluginContracts.of(pair(false)), PluginContract.BOUNDS,
                "is within the declared range", "refuses lo=");
    }
}
