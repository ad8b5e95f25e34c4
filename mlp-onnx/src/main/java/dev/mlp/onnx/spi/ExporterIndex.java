package dev.mlp.onnx.spi;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exporters of one extension point by the name of what they export, found with
 * {@link ServiceLoader} or given directly: the one discovery that
 * {@link OnnxActivationExporters} and {@link OnnxLayerExporters} share. Each provider is loaded
 * on its own: one that fails to load is logged and left out, the others still load. A blank
 * name, or two exporters for one name, is an error naming the classes.
 *
 * @param <T> the exporter interface
 */
final class ExporterIndex<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ExporterIndex.class);

    private final String what;
    private final Function<T, String> nameOf;
    private final Map<String, T> byName = new TreeMap<>();

    /**
     * @param what what the exporters export, for messages, for example {@code "activation"}
     * @param nameOf the name an exporter exports
     */
    private ExporterIndex(String what, Function<T, String> nameOf) {
        this.what = what;
        this.nameOf = nameOf;
    }

    static <T> Map<String, T> discover(Class<T> type, ClassLoader loader, String what,
                                       Function<T, String> nameOf) {
        ExporterIndex<T> index = new ExporterIndex<>(what, nameOf);
        var it = ServiceLoader.load(type, loader).stream().iterator();
        while (it.hasNext()) {
            T e;
            try {
                e = it.next().get();
            } catch (ServiceConfigurationError err) {
                LOG.warn("an ONNX {} exporter could not be loaded and is skipped: {}", what,
                        err.getMessage());
                continue;
            }
            index.add(e);
        }
        return index.result();
    }

    static <T> Map<String, T> of(Iterable<? extends T> exporters, String what,
                                 Function<T, String> nameOf) {
        ExporterIndex<T> index = new ExporterIndex<>(what, nameOf);
        for (T e : exporters) {
            index.add(e);
        }
        return index.result();
    }

    private void add(T e) {
        String name = nameOf.apply(e);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("ONNX " + what + " exporter "
                    + e.getClass().getName() + " has a blank " + what + " name");
        }
        T old = byName.putIfAbsent(name, e);
        if (old != null) {
            throw new IllegalStateException("two ONNX exporters for " + what + " '" + name
                    + "': " + old.getClass().getName() + " and " + e.getClass().getName());
        }
        LOG.debug("ONNX exporter for {} '{}': {}", what, name, e.getClass().getName());
    }

    private Map<String, T> result() {
        return Collections.unmodifiableMap(byName);
    }
}
