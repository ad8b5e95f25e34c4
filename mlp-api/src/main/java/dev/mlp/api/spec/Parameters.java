package dev.mlp.api.spec;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginLookup;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validated parameter values of one configured plugin, in declaration order, defaults filled in.
 *
 * <p>The value of a {@link ParameterSpec.Type#PLUGIN} parameter is a {@link Nested}: the other
 * plugin, created by its provider, with its own bound parameters. A shorthand declared with
 * {@link ParameterSpec#forwardsTo(String)} has no value of its own: it is moved into the nested
 * spec it forwards to.
 */
public final class Parameters {

    private final String plugin;
    private final Map<String, Object> values;

    private Parameters(String plugin, Map<String, Object> values) {
        this.plugin = plugin;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks raw spec arguments against declarations and fills in defaults, resolving nested
     * specs among the plugins {@link PluginLookup#discovered()} finds.
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
        return bind(plugin, declared, raw, PluginLookup.discovered());
    }

    /**
     * Checks raw spec arguments against declarations and fills in defaults; the plugin of a
     * {@link ParameterSpec.Type#PLUGIN} parameter is found through {@code lookup}, bound the same
     * way and created.
     *
     * @param plugin the plugin's name, for messages
     * @param declared what the plugin accepts
     * @param raw the arguments as written
     * @param lookup finds the providers of nested specs
     * @return the validated values
     * @throws SpecException naming the parameter (and the nested spec it is in) and listing the
     *                       known ones, if a parameter is unknown, missing, of the wrong type or
     *                       out of range, or a nested spec names an unknown plugin
     */
    public static Parameters bind(String plugin, List<ParameterSpec> declared,
                                  Map<String, String> raw, PluginLookup lookup) {
        return bind(plugin, declared, raw, Objects.requireNonNull(lookup, "lookup"), 1);
    }

    private static Parameters bind(String plugin, List<ParameterSpec> declared,
                                   Map<String, String> raw, PluginLookup lookup, int depth) {
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
        for (ParameterSpec p : declared) {
            if (p.forwardsTo() != null && (!byName.containsKey(p.forwardsTo())
                    || byName.get(p.forwardsTo()).type() != ParameterSpec.Type.PLUGIN)) {
                throw new IllegalStateException("'" + plugin + "' declares '" + p.name()
                        + "' as a shorthand for a parameter of '" + p.forwardsTo()
                        + "', which is not one of its plugin parameters");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec p : declared) {
            if (p.forwardsTo() != null) {
                continue; // moved into the nested spec of its target
            }
            String given = raw.get(p.name());
            if (p.type() == ParameterSpec.Type.PLUGIN) {
                String text = given != null ? given : (String) p.defaultValue();
                if (text == null) {
                    throw new SpecException("parameter '" + p.name() + "' of '" + plugin
                            + "' is required: " + p.describe());
                }
                values.put(p.name(), nested(plugin, p, text, declared, raw, lookup, depth));
            } else if (given != null) {
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

    /** Resolves, binds and creates the plugin given to a plugin parameter. */
    private static Nested nested(String plugin, ParameterSpec p, String text,
                                 List<ParameterSpec> declared, Map<String, String> raw,
                                 PluginLookup lookup, int depth) {
        String where = "parameter '" + p.name() + "' of '" + plugin + "'";
        Spec spec;
        try {
            spec = Spec.parse((String) p.parse(text, plugin));
        } catch (SpecException e) {
            throw e.getMessage().startsWith(where) ? e : new SpecException(where + ": "
                    + e.getMessage());
        }
        if (depth >= Spec.MAX_DEPTH) {
            throw new SpecException(where + ": specs nest at most " + Spec.MAX_DEPTH
                    + " levels deep; '" + spec.name() + "' would be level " + (depth + 1));
        }
        PluginKind<?> kind = p.kind();
        PluginProvider<?> provider;
        try {
            provider = lookup.provider(kind, spec.name());
        } catch (SpecException e) {
            throw new SpecException(where + ": " + e.getMessage());
        }
        Map<String, String> args = new LinkedHashMap<>(spec.arguments());
        for (ParameterSpec s : declared) {
            if (!p.name().equals(s.forwardsTo())) {
                continue;
            }
            String given = raw.get(s.name());
            boolean declares = provider.parameters().stream()
                    .anyMatch(q -> q.name().equals(s.name()));
            if (given != null) {
                Object value = s.parse(given, plugin);
                if (args.containsKey(s.name())) {
                    throw new SpecException("parameter '" + s.name() + "' of '" + plugin
                            + "' is given twice: as " + s.name() + "=" + given + " and inside "
                            + p.name() + "=" + spec + "; give it once");
                }
                if (!declares) {
                    throw new SpecException("parameter '" + s.name() + "' of '" + plugin
                            + "' sets '" + s.name() + "' of the " + kind.label() + " in '"
                            + p.name() + "', but '" + provider.name() + "' has no parameter '"
                            + s.name() + "'");
                }
                args.put(s.name(), ParameterSpec.format(value));
            } else if (declares && !args.containsKey(s.name()) && s.defaultValue() != null) {
                args.put(s.name(), ParameterSpec.format(s.defaultValue()));
            }
        }
        Parameters bound;
        try {
            bound = bind(provider.name(), provider.parameters(), args, lookup, depth + 1);
        } catch (SpecException e) {
            throw new SpecException(where + ": " + e.getMessage());
        }
        Object instance = provider.create(bound);
        if (instance == null) {
            throw new IllegalStateException(provider.getClass().getName() + " created null for '"
                    + bound.toSpec() + "' (" + where + ")");
        }
        if (!kind.type().isInstance(instance)) {
            throw new IllegalStateException(provider.getClass().getName() + " created a "
                    + instance.getClass().getName() + " for '" + bound.toSpec() + "', not a "
                    + kind.type().getName() + " (" + where + ")");
        }
        return new Nested(bound, instance, provider);
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
     * @param name a declared plugin parameter
     * @param type the plugin type of its kind, for example {@code Optimizer.class}
     * @param <T> the plugin type
     * @return the plugin created from its (nested) spec
     */
    public <T> T plugin(String name, Class<T> type) {
        return type.cast(nested(name).instance());
    }

    /**
     * @param name a declared plugin parameter
     * @return the plugin given to it, with its provider and bound parameters
     */
    public Nested nested(String name) {
        Object v = get(name);
        if (!(v instanceof Nested n)) {
            throw new IllegalArgumentException("parameter '" + name + "' of '" + plugin
                    + "' is not a plugin parameter");
        }
        return n;
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

    /**
     * The value of a plugin parameter: the plugin created from its spec, the provider that made
     * it and its bound parameters. Two are equal when their parameters are (the canonical spec
     * says everything about the configuration).
     *
     * @param parameters the nested plugin's bound parameters
     * @param instance the plugin
     * @param provider its provider
     */
    public record Nested(Parameters parameters, Object instance, PluginProvider<?> provider) {

        /** Checks that nothing is null. */
        public Nested {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(provider, "provider");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Nested n && n.parameters.equals(parameters);
        }

        @Override
        public int hashCode() {
            return parameters.hashCode();
        }

        /** @return the canonical spec of the nested plugin */
        @Override
        public String toString() {
            return parameters.toSpec();
        }
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
