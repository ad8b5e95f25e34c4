package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link AdamW} under the name {@value AdamW#NAME}, with the parameters declared there.
 * Example spec: {@code adamw(lr=0.001, decay=0.01)}.
 */
public final class AdamWProvider extends DeclaredProvider<Optimizer> implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdamWProvider() {
        super(AdamW.NAME, "AdamW (Loshchilov and Hutter 2019), decoupled decay on weights",
                AdamW.PARAMETERS,
                p -> new AdamW(p.real(AdamW.LR.name()), p.real(AdamW.BETA1.name()),
                        p.real(AdamW.BETA2.name()), p.real(AdamW.EPSILON.name()),
                        p.real(AdamW.DECAY.name())));
    }
}
