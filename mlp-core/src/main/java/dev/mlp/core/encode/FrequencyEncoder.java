package dev.mlp.core.encode;

import dev.mlp.api.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Frequency encoding, free of the target: one column holding the share of the training rows
 * that have the row's category, in {@code (0, 1]}. A category not seen in training is {@code 0}
 * ({@code unseen=ignore}) or refused ({@code unseen=error}). Categories of equal frequency get
 * equal codes.
 */
public final class FrequencyEncoder implements Encoder {

    private final Unseen unseen;

    /**
     * @param unseen what to do with a category not seen in training
     */
    public FrequencyEncoder(Unseen unseen) {
        this.unseen = java.util.Objects.requireNonNull(unseen, "unseen");
    }

    @Override
    public String name() {
        return "frequency";
    }

    @Override
    public Fitted fit(List<String> values) {
        TreeMap<String, Integer> counts = Categories.count(values, name());
        double[] share = new double[counts.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            share[i++] = (double) e.getValue() / values.size();
        }
        return new F(Categories.of(new ArrayList<>(counts.keySet()), name()), share);
    }

    @Override
    public Fitted restore(State state) {
        double[] share = state.values();
        if (share.length != state.categories().size()) {
            throw new IllegalArgumentException("a frequency encoding stores one share per "
                    + "category, found " + share.length + " shares for "
                    + state.categories().size() + " categories");
        }
        for (double s : share) {
            if (!(s > 0 && s <= 1)) {
                throw new IllegalArgumentException("a frequency encoding's shares must be in "
                        + "(0, 1], found " + s);
            }
        }
        return new F(Categories.of(state.categories(), name()), share);
    }

    private final class F implements Fitted {
        private final Categories categories;
        private final double[] share;

        F(Categories categories, double[] share) {
            this.categories = categories;
            this.share = share;
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public List<String> names(String column) {
            return List.of(column + ":frequency");
        }

        @Override
        public boolean encode(String value, double[] out, int offset) {
            int i = categories.indexOf(value);
            out[offset] = i < 0 ? 0.0 : share[i];
            return i >= 0;
        }

        @Override
        public Unseen unseen() {
            return unseen;
        }

        @Override
        public State state() {
            return new State(categories.names(), share);
        }
    }
}
