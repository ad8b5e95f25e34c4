package dev.mlp.cli;

import dev.mlp.core.io.ModelInfo;
import dev.mlp.core.train.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code mlp inspect} (and {@code GET /models/NAME} of {@code mlp serve}) says about a model
 * file: {@link ModelInfo#describe()}, with the precision of the model's matrix products always
 * stated. A file records its precision only when it is not {@code float64}, so a file without
 * that entry is described as {@code float64}, the precision it loads in.
 */
public final class ModelDescription {

    /** The role under which a model file records a precision other than {@code float64}. */
    private static final String PRECISION = "precision";

    private ModelDescription() {
    }

    /**
     * @param info a model file's contents
     * @return the precision the model runs in: the recorded one, or {@code float64} for a file
     *         that records none
     */
    public static String precision(ModelInfo info) {
        String recorded = info.spec(PRECISION);
        return recorded == null ? Precision.FLOAT64.label() : recorded;
    }

    /**
     * @param info a model file's contents
     * @return its description, one item per line, with a {@code precision} line after the
     *         plugins whether or not the file records one
     */
    public static String describe(ModelInfo info) {
        if (info.spec(PRECISION) != null) {
            return info.describe();
        }
        List<ModelInfo.Plugin> plugins = new ArrayList<>(info.plugins());
        plugins.add(new ModelInfo.Plugin(PRECISION, "", precision(info), ""));
        return new ModelInfo(info.formatVersion(), info.frameworkVersion(), info.inputs(),
                info.layers(), plugins, info.scaling(), info.classNames(), info.metadata(),
                info.training(), info.network(), info.multiLabel()).describe();
    }
}
