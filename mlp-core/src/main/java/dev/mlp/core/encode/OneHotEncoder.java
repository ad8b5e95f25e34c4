package dev.mlp.core.encode;

import dev.mlp.api.Encoder;
import java.util.ArrayList;
import java.util.List;

/**
 * One-hot encoding: one column per category, 1 for the row's category and 0 for the others. A
 * category not seen in training is all zeros ({@code unseen=ignore}) or refused
 * ({@code unseen=error}).
 */
public final class OneHotEncoder implements Encoder {

    private final Unseen unseen;

    /**
     * @param unseen what to do with a category not seen in training
     */
    public OneHotEncoder(Unseen unseen) {
        this.unseen = java.util.Objects.requireNonNull(unseen, "unseen");
    }

    @Override
    public String name() {
        return "one-hot";
    }

    @Override
    public Fitted fit(List<String> values) {
        return new F(Categories.of(new ArrayList<>(Categories.count(values, name()).keySet()),
                name()));
    }

    @Override
    public Fitted restore(State state) {
        if (state.values().length != 0) {
            throw new IllegalArgumentException("a one-hot encoding stores categories only, "
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
            return categories.size();
        }

        @Override
        public List<String> names(String column) {
            List<String> out = new ArrayList<>();
            for (String c : categories.names()) {
                out.add(column + "=" + c);
            }
            return out;
        }

        @Override
        public boolean encode(String value, double[] out, int offset) {
            java.util.Arrays.fill(out, offset, offset + categories.size(), 0.0);
            int i = categories.indexOf(value);
            if (i >= 0) {
                out[offset + i] = 1.0;
            }
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
