package dev.mlp.onnx;

import dev.mlp.api.spec.Spec;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.AtomicFiles;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import dev.mlp.core.layer.LayeredNetwork;
import dev.mlp.core.network.Network;
import dev.mlp.onnx.graph.ElementType;
import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;
import dev.mlp.onnx.spi.OnnxActivationExporter;
import dev.mlp.onnx.spi.OnnxActivationExporters;
import dev.mlp.onnx.spi.OnnxLayerExporter;
import dev.mlp.onnx.spi.OnnxLayerExporters;
import dev.mlp.onnx.stage.ClassifierOutputStage;
import dev.mlp.onnx.stage.ExportStage;
import dev.mlp.onnx.stage.RegressionOutputStage;
import dev.mlp.onnx.stage.ScalerStages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Exports a trained {@link Model} as an ONNX model: the whole prediction pipeline from raw
 * features to outputs in the targets' units, so that ONNX Runtime (or any ONNX runtime)
 * predicts what {@link Model#predict(double[][])} does.
 *
 * <p>The graph has one input, {@value #INPUT}, {@code tensor(double)} {@code [N, inputs]}: the
 * raw features. It computes in double precision, as the network does. A classifier (a model
 * with class names, a softmax output, or a cross-entropy loss) has the outputs
 * {@code probabilities} ({@code tensor(double) [N, classes]}) and {@code label}
 * ({@code tensor(string) [N]}); a regression model has {@code predictions}
 * ({@code tensor(double) [N, outputs]}). The feature, target and class names and the plugin
 * specs are in the model's {@code metadata_props}.
 *
 * <p>The pipeline is a list of {@link ExportStage}s: input scaling, then each dense layer's
 * product and activation, with the network's layer plugins (normalizations, dropouts) and
 * residual blocks where its spec puts them, then the inverse of the target scaling, then the
 * outputs. Activations are written by {@link OnnxActivationExporter}s and layer plugins by
 * {@link OnnxLayerExporter}s found on the class path; an activation or layer without one is
 * refused with an {@link OnnxExportException} naming it.
 *
 * <pre>{@code
 * OnnxExport.write(model, Path.of("model.onnx"));
 * OnnxExport.fromModelFile(Path.of("model.mlp")).write(Path.of("model.onnx"));
 * }</pre>
 */
public final class OnnxExport {

    /** The version of the {@code ai.onnx} operator set the graph is written for. */
    public static final long OPSET = 17;
    /** The ONNX IR version of the written model. */
    public static final long IR_VERSION = 8;
    /** The name of the graph's input. */
    public static final String INPUT = "features";
    /** The producer name written into the model. */
    public static final String PRODUCER = "mlp";

    private final Model model;
    private List<String> featureNames = List.of();
    private List<String> targetNames = List.of();
    private OnnxActivationExporters exporters;
    private OnnxLayerExporters layerExporters;

    private OnnxExport(Model model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Starts an export of a model.
     *
     * @param model a trained model
     * @return the export, to configure or write
     */
    public static OnnxExport of(Model model) {
        return new OnnxExport(model);
    }

    /**
     * Starts an export of a model file, with the feature and target names it records.
     *
     * @param modelFile a file written by {@link ModelFile#save}
     * @return the export
     * @throws IOException if the file cannot be read
     * @throws dev.mlp.core.io.FileFormatException if it is not a valid model file
     */
    public static OnnxExport fromModelFile(Path modelFile) throws IOException {
        ModelInfo info = ModelFile.read(modelFile);
        Model model = ModelFile.toModel(info, Mlp.standard());
        return of(model).featureNames(info.metadata().featureNames())
                .targetNames(info.metadata().targetNames());
    }

    /**
     * Writes a model as an ONNX file; see {@link #write(Path)}.
     *
     * @param model a trained model
     * @param file the file to create or replace
     * @throws IOException if the file cannot be written
     * @throws OnnxExportException if the model cannot be exported
     */
    public static void write(Model model, Path file) throws IOException {
        of(model).write(file);
    }

    /**
     * A model as the bytes of an ONNX file.
     *
     * @param model a trained model
     * @return the serialized {@code ModelProto}
     * @throws OnnxExportException if the model cannot be exported
     */
    public static byte[] toBytes(Model model) {
        return of(model).toBytes();
    }

    /**
     * Names the feature columns, in input order, for the model's metadata.
     *
     * @param names one name per input, or none
     * @return this
     */
    public OnnxExport featureNames(List<String> names) {
        List<String> copy = List.copyOf(names);
        int n = model.network().inputSize();
        if (!copy.isEmpty() && copy.size() != n) {
            throw new IllegalArgumentException("the network takes " + n + " inputs, but "
                    + copy.size() + " feature names were given: " + copy);
        }
        this.featureNames = copy;
        return this;
    }

    /**
     * Names the target columns, for the model's metadata.
     *
     * @param names the target column names, or none
     * @return this
     */
    public OnnxExport targetNames(List<String> names) {
        this.targetNames = List.copyOf(names);
        return this;
    }

    /**
     * Uses the given activation exporters instead of those found on the class path.
     *
     * @param exporters the exporters
     * @return this
     */
    public OnnxExport exporters(OnnxActivationExporters exporters) {
        this.exporters = Objects.requireNonNull(exporters, "exporters");
        return this;
    }

    /**
     * Uses the given layer exporters instead of those found on the class path.
     *
     * @param exporters the exporters
     * @return this
     */
    public OnnxExport layerExporters(OnnxLayerExporters exporters) {
        this.layerExporters = Objects.requireNonNull(exporters, "exporters");
        return this;
    }

    /**
     * Uses the activation and layer exporters a class loader finds, for example one that also
     * sees plugin jars loaded at run time, instead of the thread's context class loader.
     *
     * @param loader the class loader to search
     * @return this
     */
    public OnnxExport exportersOf(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return exporters(OnnxActivationExporters.discover(loader))
                .layerExporters(OnnxLayerExporters.discover(loader));
    }

    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader == null ? OnnxExport.class.getClassLoader() : loader;
    }

    private OnnxActivationExporters exporters() {
        if (exporters == null) {
            exporters = OnnxActivationExporters.discover(loader());
        }
        return exporters;
    }

    private OnnxLayerExporters layerExporters() {
        if (layerExporters == null) {
            layerExporters = OnnxLayerExporters.discover(loader());
        }
        return layerExporters;
    }

    /**
     * Whether the model is exported as a classifier: it has class names, a softmax output or
     * a cross-entropy loss.
     *
     * @return {@code true} for a classifier
     */
    public boolean classifier() {
        Network net = model.network();
        if (!model.classNames().isEmpty()) {
            return true;
        }
        if ("softmax".equals(net.activation(net.layerCount()).name())) {
            return true;
        }
        String loss = model.specs().get("loss");
        if (loss == null) {
            return false;
        }
        String name = Spec.parse(loss).name();
        return name.equals("cross-entropy") || name.equals("binary-cross-entropy");
    }

    /**
     * The class names the label output uses: the model's, or the output positions
     * {@code "0", "1", ...} if it has none.
     *
     * @return the class names (two for a single output)
     */
    public List<String> classNames() {
        if (!model.classNames().isEmpty()) {
            return model.classNames();
        }
        int k = model.network().outputSize();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.max(k, 2); i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /**
     * The stages the model is exported as, raw features first.
     *
     * @return the stages
     * @throws OnnxExportException if a part of the model has no ONNX form
     */
    public List<ExportStage> stages() {
        List<ExportStage> stages = new ArrayList<>();
        boolean classifier = classifier();
        try {
            if (model.inputScaling() != null) {
                stages.add(ScalerStages.input(model.specs().get("input scaler"),
                        model.inputScaling()));
            }
        } catch (IllegalArgumentException e) {
            throw new OnnxExportException(e.getMessage(), e);
        }
        stages.addAll(NetworkStages.of(model.network(), model.activationSpecs(), exporters(),
                layerExporters()));
        if (model.targetScaling() != null) {
            if (classifier) {
                throw new OnnxExportException("the model is a classifier but has a target "
                        + "scaler; probabilities are not exported through a target scaling");
            }
            try {
                stages.add(ScalerStages.targetInverse(model.specs().get("target scaler"),
                        model.targetScaling()));
            } catch (IllegalArgumentException e) {
                throw new OnnxExportException(e.getMessage(), e);
            }
        }
        stages.add(classifier ? new ClassifierOutputStage(classNames())
                : new RegressionOutputStage());
        return stages;
    }

    /**
     * Builds the graph description.
     *
     * @return the graph
     * @throws OnnxExportException if the model cannot be exported
     */
    public GraphBuilder graph() {
        Network net = model.network();
        GraphBuilder g = new GraphBuilder(OPSET);
        Tensor t = new Tensor(g.input(INPUT, ElementType.DOUBLE,
                "the raw features, in the data's own units, columns in the order of metadata "
                        + "feature_names", "N", (long) net.inputSize()), net.inputSize());
        for (ExportStage stage : stages()) {
            g.scope(stage.name());
            try {
                t = stage.apply(g, t);
            } catch (OnnxExportException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new OnnxExportException(stage.name() + ": " + e.getMessage(), e);
            }
        }
        g.scope("");
        metadata(g);
        return g;
    }

    private void metadata(GraphBuilder g) {
        Network net = model.network();
        if (!featureNames.isEmpty()) {
            g.metadata("feature_names", json(featureNames));
        }
        if (!targetNames.isEmpty()) {
            g.metadata("target_names", json(targetNames));
        }
        if (classifier()) {
            g.metadata("class_names", json(classNames()));
        }
        g.metadata("layer_sizes", Arrays.toString(net.sizes()));
        if (net instanceof LayeredNetwork layered) {
            g.metadata("network", layered.spec());
        }
        List<String> acts = new ArrayList<>();
        for (int l = 1; l <= net.layerCount(); l++) {
            String s = l - 1 < model.activationSpecs().size()
                    ? model.activationSpecs().get(l - 1) : null;
            acts.add(s != null ? s : net.activation(l).name());
        }
        g.metadata("activations", json(acts));
        for (String role : List.of("input scaler", "target scaler", "loss")) {
            String spec = model.specs().get(role);
            if (spec != null) {
                g.metadata(role.replace(' ', '_'), spec);
            }
        }
    }

    /** A JSON array of strings. */
    static String json(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('"');
            for (char c : values.get(i).toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    /**
     * The model as the bytes of an ONNX file.
     *
     * @return the serialized {@code ModelProto}
     * @throws OnnxExportException if the model cannot be exported
     */
    public byte[] toBytes() {
        Network net = model.network();
        String doc = "Multi-layer perceptron " + Arrays.toString(net.sizes()) + " exported by "
                + "mlp: " + (classifier() ? "probabilities and label" : "predictions")
                + " from raw features, computed in double precision.";
        return ProtoWriter.model(graph(), IR_VERSION, "mlp", PRODUCER,
                ModelFile.frameworkVersion(), doc).toByteArray();
    }

    /**
     * Writes the ONNX file atomically: to a temporary file in the same directory, then moved
     * over the target, so a reader never sees a half-written file and a failure leaves the
     * target as it was.
     *
     * @param file the file to create or replace
     * @throws IOException if the file cannot be written
     * @throws OnnxExportException if the model cannot be exported (nothing is written then)
     */
    public void write(Path file) throws IOException {
        byte[] bytes = toBytes();
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
