package dev.mlp.onnx.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link OnnxActivationExporter}s on a class path, by activation name. Each provider is
 * loaded on its own: one that fails to load is logged and left out, the others still load. Two
 * exporters for one name are an error naming both classes.
 */
public final class OnnxActivationExporters {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxActivationExporters.class);

    private final Map<String, OnnxActivationExporter> byName;

    private OnnxActivationExporters(Map<String, OnnxActivationExporter> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Finds the exporters with a class loader.
     *
     * @param loader the class loader to search
     * @return the exporters found
     * @throws IllegalStateException if an exporter has a blank name or two share a name
     */
    public static OnnxActivationExporters discover(ClassLoader loader) {
        Map<String, OnnxActivationExporter> found = new TreeMap<>();
        var it = ServiceLoader.load(OnnxActivationExporter.class, loader).stream().iterator();
        while (it.hasNext()) {
            OnnxActivationExporter e;
            try {
                e = it.next().get();
            } catch (ServiceConfigurationError err) {
                LOG.warn("an ONNX activation exporter could not be loaded and is skipped: {}",
                        err.getMessage());
                continue;
            }
            add(found, e);
        }
        return new OnnxActivationExporters(found);
    }

    /**
     * Exporters given directly, without discovery.
     *
     * @param exporters the exporters
     * @return them, by name
     * @throws IllegalStateException if an exporter has a blank name or two share a name
     */
    public static OnnxActivationExporters of(Iterable<? extends OnnxActivationExporter> exporters) {
        Map<String, OnnxActivationExporter> found = new TreeMap<>();
        for (OnnxActivationExporter e : exporters) {
            add(found, e);
        }
        return new OnnxActivationExporters(found);
    }

    private static void add(Map<String, OnnxActivationExporter> found, OnnxActivationExporter e) {
        String name = e.activationName();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("ONNX activation exporter " + e.getClass().getName()
                    + " has a blank activation name");
        }
        OnnxActivationExporter old = found.putIfAbsent(name, e);
        if (old != null) {
            throw new IllegalStateException("two ONNX exporters for activation '" + name
                    + "': " + old.getClass().getName() + " and " + e.getClass().getName());
        }
        LOG.debug("ONNX exporter for activation '{}': {}", name, e.getClass().getName());
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
