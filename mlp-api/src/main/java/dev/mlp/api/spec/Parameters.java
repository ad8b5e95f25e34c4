package dev.mlp.api.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated parameter values of one configured plugin, in declaration order, defaults filled in.
 */
public final class Parameters {

    private final String plugin;
    private final Map<String, Object> values;

    private Parameters(String plugin, Map<String, Object> values) {
        this.plugin = plugin;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks raw spec arguments against declarations and fills in defaults.
     *
     * @param plugin the plugin's name, for messages
     * @param declared what the plugin accepts
     * @param raw the arguments as written
     * @return the validated values
     * @throws SpecException naming the parameter and listing the known ones, if a parameter is
     *                       unknown, missing, of the wrong type or out of range
     */
    public static Parameters bind(String plugin, List<ParameterSpec> declared,
                                  Map<String, String> raw) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec p : declared) {
            byName.put(p.name(), p);
        }
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                String known = byName.isEmpty() ? "it takes no parameters"
                        : "known: " + String.join(", ", byName.keySet());
                throw new SpecException("unknown parameter '" + key + "' for '" + plugin + "'; "
                        + known);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec p : declared) {
            String given = raw.get(p.name());
            if (given != null) {
                values.put(p.name(), p.parse(given, plugin));
            } else if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            } else {
                throw new SpecException("parameter '" + p.name() + "' of '" + plugin
                        + "' is required: " + p.describe());
            }
        }
        return new Parameters(plugin, values);
    }

    /**
     * @return the plugin these values configure
     */
    public String plugin() {
        return plugin;
    }

    /**
     * @param name a declared real parameter
     * @return its value
     */
    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /**
     * @param name a declared integer parameter
     * @return its value
     */
    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    /**
     * @param name a declared boolean parameter
     * @return its value
     */
    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    /**
     * @param name a declared choice parameter
     * @return its value
     */
    public String choice(String name) {
        return (String) get(name);
    }

    /**
     * @return all values in declaration order
     */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("'" + plugin + "' declares no parameter '" + name
                    + "'; declared: " + String.join(", ", values.keySet()));
        }
        return v;
    }

    /**
     * The canonical spec: the plugin name and every parameter, defaults included, in declaration
     * order. Parsing it and binding again gives equal parameters.
     *
     * @return for example {@code "adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)"}
     */
    public String toSpec() {
        if (values.isEmpty()) {
            return plugin;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            parts.add(e.getKey() + "=" + ParameterSpec.format(e.getValue()));
        }
        return plugin + "(" + String.join(", ", parts) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.plugin.equals(plugin) && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return plugin.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}
