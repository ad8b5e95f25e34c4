package dev.mlp.core.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a {@link SearchSpace}: a concrete value for every option of the space.
 *
 * @param number the candidate's number, from 1, in the order the search drew it
 * @param values the value of each option, in the space's option order
 */
public record Candidate(int number, Map<String, String> values) {

    /** Copies the values. */
    public Candidate {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values,
                "values")));
    }

    /**
     * @param option an option of the space
     * @return its value
     * @throws IllegalArgumentException if the space has no such option
     */
    public String get(String option) {
        String v = values.get(option);
        if (v == null) {
            throw new IllegalArgumentException("candidate " + number + " has no option '"
                    + option + "'; it has " + String.join(", ", values.keySet()));
        }
        return v;
    }
}
