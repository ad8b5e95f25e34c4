package dev.mlp.core;

/**
 * What a {@link Mlp.Builder} uses for every choice the caller does not make. Bound by
 * {@link dev.mlp.core.inject.MlpModule}; override the binding to change the defaults of an
 * application.
 *
 * @param loss default loss spec
 * @param optimizer default optimizer spec
 * @param batch default batch strategy spec
 * @param initializer default initializer spec
 * @param epochs default number of epochs
 * @param seed default seed
 */
public record TrainingDefaults(String loss, String optimizer, String batch, String initializer,
                               int epochs, long seed) {

    /**
     * @return {@code mse}, {@code sgd(lr=0.01)}, {@code mini-batch(size=32, shuffle=true)},
     *         {@code xavier}, 100 epochs, seed 42
     */
    public static TrainingDefaults standard() {
        return new TrainingDefaults("mse", "sgd(lr=0.01)", "mini-batch(size=32, shuffle=true)",
                "xavier", 100, 42L);
    }
}
