package dev.mlp.onnx.spi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link OnnxActivationExporter}s on a class path, by activation name. Each provider is
 * loaded on its own: one that fails to load is logged and left out, the others still load. Two
 * exporters for one name are an error naming both classes.
 */
public final class OnnxActivationExporters {

    private static final String WHAT = "activation";

    private final Map<String, OnnxActivationExporter> byName;

    private OnnxActivationExporters(Map<String, OnnxActivationExporter> byName) {
        this.byName = byName;
    }

    /**
     * Finds the exporters with a class loader.
     *
     * @param loader the class loader to search
     * @return the exporters found
     * @throws IllegalStateException if an exporter has a blank name or two share a name
     */
    public static OnnxActivationExporters discover(ClassLoader loader) {
        return new OnnxActivationExporters(ExporterIndex.discover(OnnxActivationExporter.class,
                loader, WHAT, OnnxActivationExporter::activationName));
    }

    /**
     * Exporters given directly, without discovery.
     *
     * @param exporters the exporters
     * @return them, by name
     * @throws IllegalStateException if an exporter has a blank name or two share a name
     */
    public static OnnxActivationExporters of(Iterable<? extends OnnxActivationExporter> exporters) {
        return new OnnxActivationExporters(ExporterIndex.of(exporters, WHAT,
                OnnxActivationExporter::activationName));
    }

    /**
     * @param activationName an activation's name
     * @return its exporter, if there is one
     */
    public Optional<OnnxActivationExporter> find(String activationName) {
        return Optional.ofNullable(byName.get(activationName));
    }

    /** @return the activation names that have an exporter, sorted */
    public Set<String> names() {
        return byName.keySet();
    }
}
