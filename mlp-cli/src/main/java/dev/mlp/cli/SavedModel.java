package dev.mlp.cli;

import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A model file loaded for evaluate and predict, with the column names it was trained on. */
record SavedModel(Path file, ModelInfo info, Model model) {

    static SavedModel load(Path file, Plugins plugins) throws IOException {
        CliFiles.readable("-m", file);
        ModelInfo info = ModelFile.read(file);
        try {
            return new SavedModel(file, info, ModelFile.toModel(info, plugins.mlp()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("-m " + file + ": " + e.getMessage(), e);
        }
    }

    boolean classification() {
        return !info.classNames().isEmpty();
    }

    List<String> featureNames() {
        return info.metadata().featureNames();
    }

    List<String> targetNames() {
        return info.metadata().targetNames();
    }

    /**
     * Reads a CSV with the model's feature columns (by their saved names) and, if asked, its
     * target column, classes numbered in the model's order.
     */
    DataTable read(CsvOptions csv, Path data, String targetOverride, boolean withTarget)
            throws IOException {
        CsvReader.Builder b = csv.reader();
        if (!featureNames().isEmpty()) {
            b.features(featureNames());
        }
        if (withTarget) {
            String target = targetOverride;
            if (target == null) {
                if (targetNames().size() != 1) {
                    throw new BadInputException("the model " + file + " does not record its "
                            + "target column; name it with --target");
                }
                target = targetNames().get(0);
            }
            if (classification()) {
                b.classTarget(target).classes(info.classNames());
            } else {
                b.numericTargets(target);
            }
        } else {
            b.noTarget();
        }
        DataTable t = b.build().read(data);
        if (t.inputs() != model.network().inputSize()) {
            throw new BadInputException(data + " gives " + t.inputs() + " feature columns "
                    + t.featureNames() + ", but the model " + file + " takes "
                    + model.network().inputSize() + " inputs");
        }
        return t;
    }
}
