package dev.mlp.cli;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model file loaded for evaluate and predict, with the column names it was trained on and,
 * for tables with categorical columns or missing cells, the preprocessing that turns raw rows
 * into its inputs.
 */
record SavedModel(Path file, ModelInfo info, Model model, FittedPreprocessing preprocessing) {

    static SavedModel load(Path file, Plugins plugins) throws IOException {
        return load(file, plugins.mlp());
    }

    /** Loads with these plugins and defaults (a compute backend named by --backend). */
    static SavedModel load(Path file, Mlp mlp) throws IOException {
        CliFiles.readable("-m", file);
        ModelInfo info = ModelFile.read(file);
        try {
            var stored = info.metadata().preprocessing();
            return new SavedModel(file, info, ModelFile.toModel(info, mlp),
                    stored == null ? null
                            : FittedPreprocessing.restore(stored, mlp.registry()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("-m " + file + ": " + e.getMessage(), e);
        }
    }

    boolean classification() {
        return !info.classNames().isEmpty();
    }

    /** @return whether the model is multi-label (one sigmoid output per label) */
    boolean multiLabel() {
        return model.multiLabel() != null;
    }

    List<String> featureNames() {
        return info.metadata().featureNames();
    }

    List<String> targetNames() {
        return info.metadata().targetNames();
    }

    /**
     * Reads a CSV with the model's feature columns (by their saved names) and, if asked, its
     * target column, classes numbered in the model's order. A model with preprocessing reads
     * the raw columns and encodes them as in training; rows without a target and categories
     * not seen in training are reported on {@code err}.
     */
    DataTable read(CsvOptions csv, Path data, String targetOverride, boolean withTarget,
                   PrintWriter err) throws IOException {
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
        DataTable t;
        if (preprocessing == null) {
            t = b.build().read(data);
        } else {
            RawTable raw = preprocessing.configure(b).build().readRaw(data);
            FittedPreprocessing.Encoded e = preprocessing.apply(raw);
            if (raw.droppedRows() > 0) {
                err.printf("note: %d row%s of %s without a target left out%n", raw.droppedRows(),
                        raw.droppedRows() == 1 ? "" : "s", data);
            }
            if (e.imputed() > 0) {
                err.printf("note: %d missing cell%s filled as in training%n", e.imputed(),
                        e.imputed() == 1 ? "" : "s");
            }
            if (e.unseenTotal() > 0) {
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<String, Integer> u : e.unseen().entrySet()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(u.getKey()).append(": ")
                            .append(u.getValue());
                }
                err.printf("note: %d cell%s held a category not seen in training, encoded as "
                        + "unseen (%s)%n", e.unseenTotal(), e.unseenTotal() == 1 ? "" : "s", sb);
            }
            err.flush();
            t = e.table();
        }
        if (t.inputs() != model.network().inputSize()) {
            throw new BadInputException(data + " gives " + t.inputs() + " feature columns "
                    + t.featureNames() + ", but the model " + file + " takes "
                    + model.network().inputSize() + " inputs");
        }
        return t;
    }
}
