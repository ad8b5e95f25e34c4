package dev.mlp.core;

import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.Trainer;
import dev.mlp.core.train.ValidationSplit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Weights per class that multiply the sample weights of classification training data, so that
 * rare classes count more in the loss: {@link #balanced()} gives class {@code c} the weight
 * {@code n / (k * n_c)} ({@code n} rows, {@code k} classes, {@code n_c} rows of class {@code c},
 * counted in the data being trained on), {@link #of(Map)} gives explicit weights by class name
 * (classes not named keep weight 1).
 *
 * <p>The weights are a transformation of the training data's sample weights, applied before
 * training: a row of class {@code c} with sample weight {@code w} trains with weight
 * {@code w * weight(c)}. Validation and test metrics keep the data's own weights unless
 * {@link Mlp.Builder#weightedMetrics(boolean) weighted metrics} are asked for.
 */
public final class ClassWeights {

    private final Map<String, Double> explicit;

    private ClassWeights(Map<String, Double> explicit) {
        this.explicit = explicit;
    }

    /** @return weights {@code n / (k * n_c)}, counted on the data each run trains on */
    public static ClassWeights balanced() {
        return new ClassWeights(null);
    }

    /**
     * @param weights weight by class name (finite, at least 0); classes not named keep weight 1
     * @return the explicit weights
     * @throws IllegalArgumentException if the map is empty or a weight is out of range
     */
    public static ClassWeights of(Map<String, Double> weights) {
        Objects.requireNonNull(weights, "weights");
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("class weights need at least one class=weight "
                    + "pair, found none");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double w = Objects.requireNonNull(e.getValue(), "weight");
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("class weight of '" + e.getKey()
                        + "' must be finite and >= 0, found " + w);
            }
            copy.put(Objects.requireNonNull(e.getKey(), "class name"), w);
        }
        return new ClassWeights(Collections.unmodifiableMap(copy));
    }

    /**
     * Reads {@code "balanced"} or {@code "name=weight, name=weight"}.
     *
     * @param spec the text
     * @return the weights
     * @throws IllegalArgumentException naming the bad part
     */
    public static ClassWeights parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.strip();
        if (s.equalsIgnoreCase("balanced")) {
            return balanced();
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (String part : s.split(",", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (name.isEmpty() || value.isEmpty()) {
                throw new IllegalArgumentException("class weights must be 'balanced' or "
                        + "'class=weight, ...', found '" + part.strip() + "' in '" + s + "'");
            }
            double w;
            try {
                w = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("class weight of '" + name + "' must be a "
                        + "number, found '" + value + "'", e);
            }
            if (map.put(name, w) != null) {
                throw new IllegalArgumentException("class '" + name + "' is given two weights "
                        + "in '" + s + "'");
            }
        }
        return of(map);
    }

    /** @return {@code true} for {@link #balanced()} */
    public boolean isBalanced() {
        return explicit == null;
    }

    /**
     * The weight of each class of the data.
     *
     * @param data classification data
     * @param classNames the name of each class in class order, or empty to name them by index
     *                   ({@code "0"}, {@code "1"}, ...)
     * @return one weight per class
     * @throws IllegalArgumentException if the data is not classification data or a named class
     *                                  is not one of its classes
     */
    public double[] resolve(Dataset data, List<String> classNames) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException("class weights need classification targets "
                    + "(one-hot rows or one 0/1 column), but the targets are not one class per "
                    + "sample");
        }
        long[] count = new long[data.classes()];
        for (int r = 0; r < data.rows(); r++) {
            count[data.classOf(r)]++;
        }
        return resolve(count, classNames);
    }

    /**
     * The weight of each class, from the number of rows of each class.
     *
     * @param count the number of rows of each class, in class order (at least 2 classes)
     * @param classNames the name of each class in class order, or empty to name them by index
     *                   ({@code "0"}, {@code "1"}, ...)
     * @return one weight per class
     * @throws IllegalArgumentException if a named class is not one of the classes
     */
    public double[] resolve(long[] count, List<String> classNames) {
        int k = count.length;
        double[] w = new double[k];
        if (explicit == null) {
            long n = 0;
            for (long c : count) {
                n += c;
            }
            for (int c = 0; c < k; c++) {
                w[c] = count[c] == 0 ? 0.0 : (double) n / ((double) k * count[c]);
            }
            return w;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(classNames.size() == k ? classNames.get(c) : Integer.toString(c));
        }
        java.util.Arrays.fill(w, 1.0);
        for (Map.Entry<String, Double> e : explicit.entrySet()) {
            int c = names.indexOf(e.getKey());
            if (c < 0) {
                throw new IllegalArgumentException("class weights name class '" + e.getKey()
                        + "', which is not a class of the data; its classes are "
                        + String.join(", ", names));
            }
            w[c] = e.getValue();
        }
        return w;
    }

    /**
     * Multiplies the sample weights of the data by the weight of each row's class.
     *
     * @param data classification data
     * @param classNames see {@link #resolve(Dataset, List)}
     * @return the data (values shared) with the new weights
     * @throws IllegalArgumentException see {@link #resolve(Dataset, List)}, or if every row
     *                                  would get weight 0
     */
    public Dataset apply(Dataset data, List<String> classNames) {
        double[] perClass = resolve(data, classNames);
        double[] w = new double[data.rows()];
        double total = 0.0;
        for (int r = 0; r < w.length; r++) {
            w[r] = data.weight(r) * perClass[data.classOf(r)];
            total += w[r];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("class weights " + this + " give every training "
                    + "row weight 0");
        }
        return data.withWeights(w);
    }

    /** @return {@code "balanced"} or {@code "name=weight, ..."}, readable by {@link #parse} */
    @Override
    public String toString() {
        if (explicit == null) {
            return "balanced";
        }
        List<String> parts = new ArrayList<>();
        explicit.forEach((n, w) -> parts.add(n + "=" + String.format(Locale.ROOT, "%s", w)));
        return String.join(", ", parts);
    }

    /**
     * The training and validation data with the class weights applied: to the training part
     * always, to the validation part only with weighted metrics. With class weights the
     * configured validation fraction is held out here, as the trainer would (same rows), so
     * that the validation part keeps the data's own weights.
     *
     * @param weights the class weights, or {@code null} for none (the data is returned as is)
     * @return the training part and the validation part (or {@code null})
     */
    static Dataset[] applyTo(ClassWeights weights, Dataset raw, Dataset validation,
                             Trainer trainer, List<String> classNames, boolean weightedMetrics) {
        if (weights == null) {
            return new Dataset[] {raw, validation};
        }
        Dataset train = raw;
        Dataset valid = validation;
        double fraction = trainer.options().validationFraction();
        if (valid == null && fraction > 0) {
            ValidationSplit split = ValidationSplit.of(raw, fraction,
                    Seeds.of(trainer.seed()).validation());
            train = split.training();
            valid = split.validation();
        }
        train = weights.apply(train, classNames);
        if (valid != null && weightedMetrics) {
            valid = weights.apply(valid, classNames);
        }
        return new Dataset[] {train, valid};
    }
}
