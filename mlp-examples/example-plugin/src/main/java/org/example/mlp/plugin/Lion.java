package org.example.mlp.plugin;

import dev.mlp.api.ElementwiseOptimizerState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.Hyperparameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Lion, a sign step along an interpolated momentum (Chen et al., "Symbolic Discovery of
 * Optimization Algorithms", NeurIPS 2023, Algorithm 2 without weight decay):
 * <pre>
 * c = beta1 * m + (1 - beta1) * g
 * w &lt;- w - lr * sign(c)
 * m &lt;- beta2 * m + (1 - beta2) * g
 * </pre>
 * with the momentum {@code m} starting at 0 and saved as {@code m.<block>}. The framework has
 * its own {@code lion} (with weight decay); this copy is registered as {@code lion-example}, since
 * two plugins of one kind may not share a name.
 *
 * @param lr the step length, {@code > 0}
 * @param beta1 the weight of the momentum in the step's direction, in {@code [0, 1)}
 * @param beta2 the decay of the momentum, in {@code [0, 1)}
 */
public record Lion(double lr, double beta1, double beta2) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "lion-example";
    /** The parameters, with their defaults and bounds. */
    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("lr", 1e-4, "step length").above(0),
            ParameterSpec.real("beta1", 0.9, "momentum in the step direction").atLeast(0).below(1),
            ParameterSpec.real("beta2", 0.99, "decay of the momentum").atLeast(0).below(1));

    /** Checks the values against {@link #PARAMETERS}. */
    public Lion {
        Hyperparameters.check(NAME, PARAMETERS, lr, beta1, beta2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new ElementwiseOptimizerState(NAME, layout, lr) {
            private final double[][] m = perBlock("m");

            @Override
            protected double step(int block, int i, double w, double g) {
                double mi = m[block][i];
                m[block][i] = beta2 * mi + (1 - beta2) * g;
                return w - stepRate() * Math.signum(beta1 * mi + (1 - beta1) * g);
            }
        };
    }

    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2);
    }

    /** Registered in {@code META-INF/services/dev.mlp.api.spi.OptimizerProvider}. */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {
        /** Declares {@code lion-example(lr, beta1, beta2)}. */
        public Provider() {
            super(NAME, "Lion (Chen et al. 2023): w <- w - lr sign(beta1 m + (1 - beta1) g)",
                    PARAMETERS, p -> new Lion(p.real("lr"), p.real("beta1"), p.real("beta2")));
        }
    }
}
