package dev.mlp.onnx.spi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link OnnxLayerExporter}s on a class path, by layer name, found as
 * {@link OnnxActivationExporters} finds activation exporters: each provider is loaded on its
 * own (one that fails to load is logged and left out), and two exporters for one name are an
 * error naming both classes.
 */
public final class OnnxLayerExporters {

    private static final String WHAT = "layer";

    private final Map<String, OnnxLayerExporter> byName;

    private OnnxLayerExporters(Map<String, OnnxLayerExporter> byName) {
        this.byName = byName;
    }

    /**
     * Finds the exporters with a class loader.
     *
     * @param loader the class loader to search
     * @return the exporters found
     * @throws IllegalStateException if an exporter has a blank name or two share a name
     */
    public static OnnxLayerExporters discover(ClassLoader loader) {
        return new OnnxLayerExporters(ExporterIndex.discover(OnnxLayerExporter.class, loader,
                WHAT, OnnxLayerExporter::layerName));
    }

    /**
     * Exporters given directly, without discovery.
     *
     * @param exporters the exporters
     * @return them, by name
     * @throws IllegalStateException if an exporter has a blank name or two share a name
     */
    public static OnnxLayerExporters of(Iterable<? extends OnnxLayerExporter> exporters) {
        return new OnnxLayerExporters(ExporterIndex.of(exporters, WHAT,
                OnnxLayerExporter::layerName));
    }

    /**
     * @param layerName a layer's name
     * @return its exporter, if there is one
     */
    public Optional<OnnxLayerExporter> find(String layerName) {
        return Optional.ofNullable(byName.get(layerName));
    }

    /** @return the layer names that have an exporter, sorted */
    public Set<String> names() {
        return byName.keySet();
    }
}
