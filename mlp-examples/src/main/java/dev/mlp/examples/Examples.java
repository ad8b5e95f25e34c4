package dev.mlp.examples;

import dev.mlp.examples.data.FashionMnist;
import dev.mlp.examples.data.IrisClassification;
import dev.mlp.examples.data.LbfgsIris;
import dev.mlp.examples.data.Xor;
import dev.mlp.examples.seed.Seed000Backprop;
import dev.mlp.examples.seed.Seed001ForwardPass;
import dev.mlp.examples.seed.Seed001GradientDescent;
import dev.mlp.examples.seed.Seed001Normalization;
import dev.mlp.examples.seed.Seed001Training;
import dev.mlp.examples.seed.Seed002Activations;
import dev.mlp.examples.seed.Seed002Chain;
import dev.mlp.examples.seed.Seed002HiddenLayers;
import dev.mlp.examples.seed.Seed002MultipleInputs;
import dev.mlp.examples.seed.Seed002MultipleOutputs;
import dev.mlp.examples.seed.Seed002MultipleSamples;
import dev.mlp.examples.seed.Seed002SingleWeight;
import java.util.List;
import java.util.Optional;

/** Every example, in the order {@code all} runs them. */
public final class Examples {

    private Examples() {
    }

    /** @return the examples */
    public static List<Example> all() {
        return List.of(
                new Seed000Backprop(),
                new Seed001Normalization(),
                new Seed001ForwardPass(),
                new Seed001Training(),
                new Seed001GradientDescent(),
                new Seed002SingleWeight(),
                new Seed002Chain(),
                new Seed002HiddenLayers(),
                new Seed002MultipleInputs(),
                new Seed002MultipleOutputs(),
                new Seed002Activations(),
                new Seed002MultipleSamples(),
                new Xor(),
                new IrisClassification());
    }

    /**
     * Examples that run only when named, because they need a data set that may not be
     * installed or take minutes.
     *
     * @return the examples not in {@link #all()}
     */
    public static List<Example> onDemand() {
        return List.of(new FashionMnist(), new LbfgsIris());
    }

    /**
     * @param name an example's name
     * @return the example, if there is one by that name (in {@link #all()} or
     *         {@link #onDemand()})
     */
    public static Optional<Example> named(String name) {
        return java.util.stream.Stream.concat(all().stream(), onDemand().stream())
                .filter(e -> e.name().equals(name)).findFirst();
    }
}
