package dev.mlp.cli.serve;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import dev.mlp.data.FittedPreprocessing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A saved model loaded for serving, under the name its URLs use.
 *
 * @param name the name in {@code /models/NAME/...}
 * @param file the model file it was read from
 * @param info what the file holds
 * @param model the working model
 * @param preprocessing the encoding and imputation of the model's raw columns, or {@code null}
 *        for a model that takes numeric rows as they are
 */
public record ServedModel(String name, Path file, ModelInfo info, Model model,
                          FittedPreprocessing preprocessing) {

    /** Checks that nothing is missing. */
    public ServedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(model, "model");
    }

    /**
     * A model that takes numeric rows as they are.
     *
     * @param name the name in {@code /models/NAME/...}
     * @param file the model file it was read from
     * @param info what the file holds
     * @param model the working model
     */
    public ServedModel(String name, Path file, ModelInfo info, Model model) {
        this(name, file, info, model, null);
    }

    /**
     * Reads a model file with these plugins and defaults (the compute backend of its
     * predictions among them).
     *
     * @param name the name to serve it under
     * @param file the model file
     * @param mlp the plugins and defaults
     * @return the loaded model
     * @throws IOException if the file cannot be read or is not a model file
     * @throws dev.mlp.core.io.MissingPluginException if a plugin the model or its preprocessing
     *         needs (a layer, an activation, an encoder, ...) is not among {@code mlp}'s
     */
    public static ServedModel load(String name, Path file, Mlp mlp) throws IOException {
        ModelInfo info = ModelFile.read(file);
        FittedPreprocessing p = info.metadata().preprocessing() == null ? null
                : FittedPreprocessing.restore(info.metadata().preprocessing(), mlp.registry());
        return new ServedModel(name, file, info, ModelFile.toModel(info, mlp), p);
    }

    /**
     * @return whether requests give the raw columns (text categories, missing cells), which the
     *         model's stored preprocessing encodes and fills, rather than numeric inputs
     */
    public boolean takesRawColumns() {
        return preprocessing != null;
    }

    /** @return the number of values a request row must have: raw columns or numeric inputs */
    public int inputs() {
        return preprocessing != null ? preprocessing.columnNames().size()
                : model.network().inputSize();
    }

    /** @return the feature column names the model was trained on; empty if not recorded */
    public List<String> featureNames() {
        return info.metadata().featureNames();
    }

    /** @return whether the model is a classifier (it names its classes) */
    public boolean classification() {
        return !info.classNames().isEmpty();
    }

    /** @return the class names, for a classifier */
    public List<String> classNames() {
        return info.classNames();
    }

    /**
     * @return the names of a regression model's outputs: the recorded target names, or
     *         {@code output0, output1, ...}
     */
    public List<String> outputNames() {
        List<String> targets = info.metadata().targetNames();
        int k = model.network().outputSize();
        List<String> names = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            names.add(j < targets.size() ? targets.get(j) : "output" + j);
        }
        return names;
    }

    /**
     * Class probabilities from a classifier's outputs: a single sigmoid output is the probability
     * of the second class, softmax outputs are the probabilities.
     *
     * @param out one row of outputs
     * @return one probability per class
     */
    public static double[] probabilities(double[] out) {
        return out.length == 1 ? new double[] {1 - out[0], out[0]} : out;
    }

    /**
     * @param out one row of a classifier's outputs
     * @return the most probable class's name
     */
    public String label(double[] out) {
        return info.classNames().get(Model.argmax(probabilities(out)));
    }
}
