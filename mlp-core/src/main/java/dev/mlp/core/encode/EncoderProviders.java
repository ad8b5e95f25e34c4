package dev.mlp.core.encode;

import dev.mlp.api.Encoder;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.EncoderProvider;
import java.util.List;

/**
 * Providers of the built-in encoders, listed in
 * {@code META-INF/services/dev.mlp.api.spi.EncoderProvider}.
 */
public final class EncoderProviders {

    private EncoderProviders() {
    }

    /** The {@code unseen} parameter every built-in encoder takes. */
    static final ParameterSpec UNSEEN = ParameterSpec.choice("unseen", "ignore",
            "a category not seen in training: ignore (neutral code, counted) or error",
            "ignore", "error");

    /** {@code one-hot(unseen)}. */
    public static final class OneHot extends DeclaredProvider<Encoder> implements EncoderProvider {
        /** Declares {@code one-hot}. */
        public OneHot() {
            super("one-hot", "one 0/1 input per category; unseen categories are all zeros",
                    List.of(UNSEEN),
                    p -> new OneHotEncoder(Categories.unseen(p.choice("unseen"))));
        }
    }

    /** {@code ordinal(unseen)}. */
    public static final class Ordinal extends DeclaredProvider<Encoder>
            implements EncoderProvider {
        /** Declares {@code ordinal}. */
        public Ordinal() {
            super("ordinal", "one input: the category's index in sorted order, -1 if unseen",
                    List.of(UNSEEN),
                    p -> new OrdinalEncoder(Categories.unseen(p.choice("unseen"))));
        }
    }

    /** {@code frequency(unseen)}. */
    public static final class Frequency extends DeclaredProvider<Encoder>
            implements EncoderProvider {
        /** Declares {@code frequency}. */
        public Frequency() {
            super("frequency", "one input: the category's share of the training rows, 0 if "
                    + "unseen", List.of(UNSEEN),
                    p -> new FrequencyEncoder(Categories.unseen(p.choice("unseen"))));
        }
    }
}
