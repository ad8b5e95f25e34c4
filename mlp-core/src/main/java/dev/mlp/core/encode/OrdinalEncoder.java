package dev.mlp.core.encode;

import dev.mlp.api.Encoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Ordinal encoding: one column holding the category's index in sorted order (0, 1, ...). A
 * category not seen in training is {@code -1} ({@code unseen=ignore}) or refused
 * ({@code unseen=error}). It suits categories whose sorted order means something, or many
 * categories that one-hot would spread over too many inputs.
 */
public final class OrdinalEncoder implements Encoder {

    private final Unseen unseen;

    /**
     * @param unseen what to do with a category not seen in training
     */
    public OrdinalEncoder(Unseen unseen) {
        this.unseen = java.util.Objects.requireNonNull(unseen, "unseen");
    }

    @Override
    public String name() {
        return "ordinal";
    }

    @Override
    public Fitted fit(List<String> values) {
        return new F(Categories.of(new ArrayList<>(Categories.count(values, name()).keySet()),
                name()));
    }

    @Override
    public Fitted restore(State state) {
        if (state.values().length != 0) {
            throw new IllegalArgumentException("an ordinal encoding stores categories only, "
                    + "found " + state.values().length + " numbers");
        }
        return new F(Categories.of(state.categories(), name()));
    }

    private final class F implements Fitted {
        private final Categories categories;

        F(Categories categories) {
            this.categories = categories;
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public List<String> names(String column) {
            return List.of(column);
        }

        @Override
        public boolean encode(String value, double[] out, int offset) {
            int i = categories.indexOf(value);
            out[offset] = i;
            return i >= 0;
        }

        @Override
        public Unseen unseen() {
            return unseen;
        }

        @Override
        public State state() {
            return new State(categories.names(), new double[0]);
        }
    }
}
