package dev.mlp.core.tune;

import dev.mlp.api.Metric;
import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import dev.mlp.core.metric.Metrics;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.TrainingDivergedException;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.core.train.ValidationSplit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scores candidates and ranks them: each candidate's models are trained and scored by
 * cross-validation (the mean of a metric over the test folds) or by a validation split (the
 * metric on the validation rows the model holds out itself, at the epoch whose weights it keeps:
 * the value {@code mlp train --validation} reports). Candidates run in parallel,
 * {@link #parallelism(int)} at a time (default: the number of cores), each on one thread, its
 * folds one after another; scores are the same bits for any parallelism.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of(Map.of("hidden", "int(4, 16)",
 *         "optimizer", "adam(lr=loguniform(1e-3, 1e-1))"));
 * SearchResult r = HyperparameterSearch.crossValidated(CrossValidation.of(5, 1), "accuracy")
 *         .run(space.random(20, 1), FoldData.of(data), c -> () -> Mlp.builder().inputs(4)
 *                 .layer(Integer.parseInt(c.get("hidden")), "relu").layer(3, "softmax")
 *                 .loss("cross-entropy").optimizer(c.get("optimizer"))
 *                 .metrics("accuracy").build());
 * }</pre>
 */
public final class HyperparameterSearch {

    private final CrossValidation cv;
    private final String metric;
    private final int parallelism;

    private HyperparameterSearch(CrossValidation cv, String metric, int parallelism) {
        this.cv = cv;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.parallelism = Parallel.check(parallelism);
    }

    /**
     * @param cv the cross-validation of every candidate (its parallelism is not used: a
     *           candidate's folds run one after another)
     * @param metric the metric to rank by: {@code loss} or a metric the models compute
     * @return the search
     */
    public static HyperparameterSearch crossValidated(CrossValidation cv, String metric) {
        return new HyperparameterSearch(Objects.requireNonNull(cv, "cv").parallelism(1), metric,
                Parallel.cores());
    }

    /**
     * @param metric the metric to rank by; the models must have a validation fraction
     * @return the search
     */
    public static HyperparameterSearch validationSplit(String metric) {
        return new HyperparameterSearch(null, metric, Parallel.cores());
    }

    /**
     * @param value how many candidates run at once, at least 1
     * @return a copy with that parallelism
     */
    public HyperparameterSearch parallelism(int value) {
        return new HyperparameterSearch(cv, metric, value);
    }

    /** @return the metric ranked by */
    public String metric() {
        return metric;
    }

    /**
     * Scores every candidate with models that do not depend on the prepared data. Each
     * candidate's models are made first, on the calling thread, so a bad value fails before
     * any training.
     *
     * @param candidates the candidates
     * @param data the rows and their preparation step
     * @param models makes the fresh models of a candidate (one per fold)
     * @return the ranked candidates
     */
    public SearchResult run(List<Candidate> candidates, FoldData data,
                            Function<Candidate, Supplier<Model>> models) {
        Objects.requireNonNull(models, "models");
        List<Function<Dataset, Model>> each = new ArrayList<>();
        for (Candidate c : candidates) {
            Supplier<Model> s = Objects.requireNonNull(models.apply(c), "models");
            each.add(prepared -> s.get());
        }
        return rank(candidates, data, each);
    }

    /**
     * Scores every candidate, each fold's model made for that fold's prepared training part
     * (whose input count can differ between folds). Each candidate's model is first made for
     * all rows prepared together, on the calling thread, so a bad value fails before any
     * training.
     *
     * @param candidates the candidates
     * @param data the rows and their preparation step
     * @param models makes a fresh model of a candidate for prepared training data
     * @return the ranked candidates
     */
    public SearchResult run(List<Candidate> candidates, FoldData data,
                            BiFunction<Candidate, Dataset, Model> models) {
        Objects.requireNonNull(models, "models");
        List<Function<Dataset, Model>> each = new ArrayList<>();
        for (Candidate c : candidates) {
            each.add(prepared -> models.apply(c, prepared));
        }
        return rank(candidates, data, each);
    }

    private SearchResult rank(List<Candidate> candidates, FoldData data,
                              List<Function<Dataset, Model>> models) {
        Objects.requireNonNull(data, "data");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least 1 candidate");
        }
        int[] everyRow = new int[data.rows().count()];
        for (int i = 0; i < everyRow.length; i++) {
            everyRow[i] = i;
        }
        Dataset probe = data.all(everyRow);
        // with a validation split: the rows each candidate's model will train on, from its seed
        List<int[]> trainingRows = new ArrayList<>();
        boolean higher = false;
        for (Function<Dataset, Model> m : models) {
            Model first = Objects.requireNonNull(m.apply(probe), "models"); // checks the specs now
            if (cv == null) {
                double fraction = first.trainer().options().validationFraction();
                if (fraction <= 0) {
                    throw new IllegalArgumentException("scoring by a validation split needs "
                            + "models with a validation fraction; set validationFraction(f)");
                }
                trainingRows.add(ValidationSplit.rows(data.rows(), fraction,
                        Seeds.of(first.trainer().seed()).validation())[0]);
            }
            higher = higherIsBetter(first);
        }
        Scored[] scored = Parallel.run(candidates.size(), parallelism,
                i -> score(candidates.get(i), models.get(i), data,
                        cv == null ? trainingRows.get(i) : null), Scored[]::new);
        Comparator<Scored> byScore = Comparator.comparingDouble(Scored::score);
        List<Scored> ranked = new ArrayList<>(List.of(scored));
        ranked.sort(Comparator.comparing((Scored s) -> !s.succeeded())
                .thenComparing(higher ? byScore.reversed() : byScore)
                .thenComparingInt(s -> s.candidate().number()));
        return new SearchResult(metric, higher, ranked);
    }

    private Scored score(Candidate c, Function<Dataset, Model> models, FoldData data,
                         int[] trainingRows) {
        try {
            if (cv != null) {
                CrossValidationResult r = cv.run(data, models);
                return new Scored(c, r.mean(metric), r.std(metric), null);
            }
            // one run with the model's own validation split, the data prepared on the rows
            // that split trains on
            Dataset prepared = data.all(trainingRows);
            return new Scored(c, validationScore(models.apply(prepared).fit(prepared), metric),
                    Double.NaN, null);
        } catch (TrainingDivergedException e) {
            return new Scored(c, Double.NaN, Double.NaN, e.getMessage());
        }
    }

    /**
     * The validation value of a metric at the epoch whose weights the model keeps (the best
     * epoch with early stopping, else the last).
     *
     * @param result a training run with validation data
     * @param metric the metric
     * @return its value
     */
    public static double validationScore(TrainingResult result, String metric) {
        int at = result.bestEpoch() > 0 ? result.bestEpoch() : result.epochs();
        List<Double> v = result.metric("validation-" + metric);
        return v.get(at - 1);
    }

    /**
     * Whether higher scores of the ranking metric are better, from the metric the candidate's
     * model computes (built-in or a plugin); the loss ranks lowest first.
     *
     * @throws IllegalArgumentException if the model does not compute the metric
     */
    private boolean higherIsBetter(Model model) {
        if (Metrics.LOSS.equals(metric)) {
            return false;
        }
        for (Metric m : model.trainer().options().metrics()) {
            if (m.name().equals(metric)) {
                return m.higherIsBetter();
            }
        }
        throw new IllegalArgumentException("the candidates' models do not compute the metric '"
                + metric + "' to rank by; add it to their metrics");
    }
}
