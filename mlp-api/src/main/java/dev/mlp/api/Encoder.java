package dev.mlp.api;

import java.util.List;
import java.util.Objects;

/**
 * Turns one categorical (text) column into numeric input columns: fitted on the training values
 * of the column, then applied to any value, including one that training never saw. One-hot,
 * ordinal and frequency encodings are built in; a provider of
 * {@link dev.mlp.api.spi.EncoderProvider} adds another.
 *
 * <p>Missing cells never reach an encoder: they are imputed (or refused) before encoding. An
 * encoder is a stateless, thread-safe configuration; {@link #fit} returns the fitted state, which
 * a model file stores through {@link Fitted#state()} and brings back with {@link #restore}.
 */
public interface Encoder {

    /**
     * The stable lowercase name this encoder is registered under, for example
     * {@code "one-hot"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * Learns the categories of a column.
     *
     * @param values the column's training values, one per row, none {@code null}; read only
     * @return the fitted encoding
     * @throws IllegalArgumentException if {@code values} is empty
     */
    Fitted fit(List<String> values);

    /**
     * Rebuilds a fitted encoding from the state an earlier {@link Fitted#state()} returned. The
     * result encodes every value bit for bit like the encoding the state came from.
     *
     * @param state the stored state
     * @return the fitted encoding
     * @throws IllegalArgumentException if the state cannot be this encoder's
     */
    Fitted restore(State state);

    /**
     * What an encoder does with a category it was not fitted on.
     */
    enum Unseen {
        /** Encode it as the encoder's neutral value (all zeros for one-hot) and count it. */
        IGNORE,
        /** Refuse it: the caller reports the row and column. */
        ERROR
    }

    /**
     * The fitted state of an encoder, as stored in a model file: the categories, in the
     * encoder's order, and numbers that go with them (for example each category's frequency);
     * both may be empty.
     *
     * @param categories the categories, distinct
     * @param values numbers the encoder keeps, in an order it defines
     */
    record State(List<String> categories, double[] values) {
        /** Copies both. */
        public State {
            categories = List.copyOf(categories);
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.categories.equals(categories)
                    && java.util.Arrays.equals(s.values, values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(categories, java.util.Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return "State" + categories + java.util.Arrays.toString(values);
        }
    }

    /**
     * An encoder with its categories learned. Immutable and thread-safe.
     */
    interface Fitted {

        /**
         * @return how many numeric columns one value becomes, at least 1
         */
        int width();

        /**
         * @param column the name of the encoded column
         * @return the names of the {@link #width()} numeric columns, for example
         *         {@code island=Biscoe}
         */
        List<String> names(String column);

        /**
         * Writes a value's encoding into {@code out[offset .. offset + width())}.
         *
         * @param value the value, not {@code null}
         * @param out receives the encoding
         * @param offset where it starts
         * @return {@code true} if the value was one of the fitted categories; {@code false} if
         *         it was not, in which case the neutral encoding has been written (the caller
         *         counts it, or refuses it when {@link #unseen()} is {@link Unseen#ERROR})
         */
        boolean encode(String value, double[] out, int offset);

        /**
         * @return what the caller does with a value {@link #encode} did not know
         */
        Unseen unseen();

        /**
         * @return the state to store, from which {@link Encoder#restore} rebuilds this encoding
         */
        State state();
    }
}
