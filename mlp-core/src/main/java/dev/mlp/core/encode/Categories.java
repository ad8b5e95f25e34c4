package dev.mlp.core.encode;

import dev.mlp.api.Encoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The distinct categories of a column in sorted order, with their training counts, and the
 * lookup from category to index that every built-in encoder shares.
 */
final class Categories {

    private final List<String> names;
    private final Map<String, Integer> index;

    private Categories(List<String> names) {
        this.names = List.copyOf(names);
        this.index = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            if (index.put(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("the categories of an encoder must be "
                        + "distinct, found '" + this.names.get(i) + "' twice");
            }
        }
    }

    /** Counts each distinct value of a column, in sorted order. */
    static TreeMap<String, Integer> count(List<String> values, String encoder) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("encoder '" + encoder + "' needs at least one "
                    + "value to fit on, found none");
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String v : values) {
            counts.merge(java.util.Objects.requireNonNull(v, "value"), 1, Integer::sum);
        }
        return counts;
    }

    static Categories of(List<String> names, String encoder) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("encoder '" + encoder + "' needs at least one "
                    + "category, found none");
        }
        return new Categories(names);
    }

    /** @return the index of a category, or -1 if it is not one */
    int indexOf(String value) {
        Integer i = index.get(value);
        return i == null ? -1 : i;
    }

    int size() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    static Encoder.Unseen unseen(String word) {
        return Encoder.Unseen.valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }
}
