package dev.mlp.core.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The candidates of a search ranked by score, best first (failed candidates last).
 *
 * @param metric the metric scored
 * @param higherIsBetter whether higher scores rank first
 * @param ranked the candidates, best first; ties keep the candidate order
 */
public record SearchResult(String metric, boolean higherIsBetter, List<Scored> ranked) {

    /** Copies the list. */
    public SearchResult {
        ranked = List.copyOf(ranked);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a search result needs at least 1 candidate");
        }
    }

    /**
     * @return the best candidate
     * @throws IllegalStateException if every candidate failed
     */
    public Scored best() {
        Scored b = ranked.get(0);
        if (!b.succeeded()) {
            throw new IllegalStateException("every candidate failed; the first: "
                    + b.failure());
        }
        return b;
    }

    /**
     * A text table of the ranked candidates: rank, candidate number, score (± std with
     * cross-validation) and each searched option's value.
     *
     * @param options the options to show, for example {@link SearchSpace#searched()}
     * @return the table, lines separated by {@code \n}, ending with one
     */
    public String table(List<String> options) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("rank", "candidate", metric));
        header.addAll(options);
        rows.add(header.toArray(new String[0]));
        int rank = 1;
        for (Scored s : ranked) {
            String score = !s.succeeded() ? "failed"
                    : CrossValidationResult.format(s.score())
                    + (Double.isNaN(s.std()) ? "" : " ± " + CrossValidationResult.format(s.std()));
            List<String> row = new ArrayList<>(List.of(Integer.toString(rank++),
                    Integer.toString(s.candidate().number()), score));
            Map<String, String> v = s.candidate().values();
            for (String o : options) {
                row.add(v.getOrDefault(o, ""));
            }
            rows.add(row.toArray(new String[0]));
        }
        return Tables.render(rows);
    }
}
