package dev.mlp.api.spec;

import dev.mlp.api.spi.PluginKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Declares one parameter a plugin accepts: its name, type, default and bounds.
 *
 * <pre>{@code
 * ParameterSpec.real("lr", 0.01, "learning rate").above(0)
 * ParameterSpec.integer("size", 32, "samples per batch").atLeast(1)
 * ParameterSpec.bool("shuffle", true, "reshuffle every epoch")
 * ParameterSpec.plugin("then", PluginKind.SCHEDULE, "constant", "the schedule warmed up")
 * }</pre>
 *
 * <p>A {@link Type#PLUGIN} parameter takes a spec of another plugin, of a given kind, nested in
 * this one: {@code warmup(then=cosine(warmup=0, min=0.1))}, or just a name,
 * {@code warmup(then=cosine)}, for that plugin at its defaults. {@link Parameters#bind} resolves
 * it through a {@link dev.mlp.api.spi.PluginLookup} (the registry when there is one), so any
 * plugin of the kind, a third party's included, can be given. A parameter declared with
 * {@link #forwardsTo(String)} is a shorthand for the parameter of the same name of a nested
 * spec.
 *
 * @param name the parameter name as written in a spec
 * @param type the value type
 * @param defaultValue the value used when the spec omits the parameter, or {@code null} if it is
 *                     required
 * @param min the lower bound, or {@code null} for none (numeric types only)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max the upper bound, or {@code null} for none (numeric types only)
 * @param maxInclusive whether {@code max} itself is allowed
 * @param choices the allowed values of a {@link Type#CHOICE} parameter
 * @param description one line for help texts and the README table
 * @param kind the kind of plugin a {@link Type#PLUGIN} parameter takes, else {@code null}
 * @param forwardsTo for a shorthand, the {@link Type#PLUGIN} parameter of the same declaration
 *                   whose nested spec receives the value (see {@link #forwardsTo(String)}), else
 *                   {@code null}
 */
public record ParameterSpec(String name, Type type, Object defaultValue, Double min,
                            boolean minInclusive, Double max, boolean maxInclusive,
                            List<String> choices, String description, PluginKind<?> kind,
                            String forwardsTo) {

    /** The type of a parameter's value. */
    public enum Type {
        /** A finite {@code double}. */
        REAL,
        /** An {@code int}. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** One of a fixed list of words. */
        CHOICE,
        /**
         * Another plugin of a given {@link ParameterSpec#kind()}, written as its spec: a name, or
         * a nested spec with arguments.
         */
        PLUGIN
    }

    /** Validates the declaration. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        description = description == null ? "" : description;
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs choices");
        }
        if ((type == Type.PLUGIN) != (kind != null)) {
            throw new IllegalArgumentException("parameter '" + name + "': a plugin parameter, "
                    + "and only one, names the kind of plugin it takes");
        }
        if (forwardsTo != null && (type == Type.PLUGIN || forwardsTo.equals(name))) {
            throw new IllegalArgumentException("parameter '" + name + "' cannot forward to '"
                    + forwardsTo + "': only a number, boolean or choice is a shorthand for a "
                    + "parameter of a nested spec");
        }
    }

    /**
     * A declaration without a plugin kind or forwarding, as before plugin parameters existed.
     *
     * @param name the parameter name as written in a spec
     * @param type the value type, not {@link Type#PLUGIN}
     * @param defaultValue the default, or {@code null} if it is required
     * @param min the lower bound, or {@code null}
     * @param minInclusive whether {@code min} itself is allowed
     * @param max the upper bound, or {@code null}
     * @param maxInclusive whether {@code max} itself is allowed
     * @param choices the allowed values of a {@link Type#CHOICE} parameter
     * @param description one line of help
     */
    public ParameterSpec(String name, Type type, Object defaultValue, Double min,
                         boolean minInclusive, Double max, boolean maxInclusive,
                         List<String> choices, String description) {
        this(name, type, defaultValue, min, minInclusive, max, maxInclusive, choices,
                description, null, null);
    }

    /**
     * A real-valued parameter without bounds.
     *
     * @param name parameter name
     * @param defaultValue default value
     * @param description one line of help
     * @return the declaration
     */
    public static ParameterSpec real(String name, double defaultValue, String description) {
        return new ParameterSpec(name, Type.REAL, defaultValue, null, false, null, false, null,
                description);
    }

    /**
     * An integer parameter without bounds.
     *
     * @param name parameter name
     * @param defaultValue default value
     * @param description one line of help
     * @return the declaration
     */
    public static ParameterSpec integer(String name, int defaultValue, String description) {
        return new ParameterSpec(name, Type.INTEGER, defaultValue, null, false, null, false, null,
                description);
    }

    /**
     * A boolean parameter.
     *
     * @param name parameter name
     * @param defaultValue default value
     * @param description one line of help
     * @return the declaration
     */
    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, Type.BOOLEAN, defaultValue, null, false, null, false, null,
                description);
    }

    /**
     * A parameter taking one of a fixed list of words.
     *
     * @param name parameter name
     * @param defaultValue default value, one of {@code choices}
     * @param description one line of help
     * @param choices the allowed words
     * @return the declaration
     */
    public static ParameterSpec choice(String name, String defaultValue, String description,
                                       String... choices) {
        return new ParameterSpec(name, Type.CHOICE, defaultValue, null, false, null, false,
                List.of(choices), description);
    }

    /**
     * A parameter taking another plugin of a kind, as a spec: a name ({@code cosine}) or a
     * nested spec ({@code cosine(warmup=5, min=0.1)}).
     *
     * @param name parameter name
     * @param kind the kind of plugin it takes
     * @param defaultSpec the default, a spec of a plugin of that kind, for example
     *                    {@code "adam"}
     * @param description one line of help
     * @return the declaration
     * @throws SpecException if the default is not a well-formed spec
     */
    public static ParameterSpec plugin(String name, PluginKind<?> kind, String defaultSpec,
                                       String description) {
        Objects.requireNonNull(kind, "kind");
        String normalized = defaultSpec == null ? null : Spec.parse(defaultSpec).toString();
        return new ParameterSpec(name, Type.PLUGIN, normalized, null, false, null, false, null,
                description, kind, null);
    }

    /**
     * Makes this parameter a shorthand for the parameter of the same name of the plugin given
     * in the {@link Type#PLUGIN} parameter {@code target}: Lookahead's
     * {@code lookahead(inner=sgd, lr=0.1)} is {@code lookahead(inner=sgd(lr=0.1))}.
     * {@link Parameters#bind} moves the value (given, or else the default) into the nested spec
     * when that spec does not set the parameter itself and its plugin declares it; a value given
     * both ways is refused. A shorthand is not part of the bound values nor of the canonical
     * spec, which shows the value inside the nested spec.
     *
     * @param target the plugin parameter of the same declaration
     * @return a copy forwarding to {@code target}
     */
    public ParameterSpec forwardsTo(String target) {
        return new ParameterSpec(name, type, defaultValue, min, minInclusive, max, maxInclusive,
                choices, description, kind, Objects.requireNonNull(target, "target"));
    }

    /**
     * @param bound the smallest allowed value
     * @return a copy with an inclusive lower bound
     */
    public ParameterSpec atLeast(double bound) {
        return new ParameterSpec(name, type, defaultValue, bound, true, max, maxInclusive, choices,
                description, kind, forwardsTo);
    }

    /**
     * @param bound the value every allowed value must exceed
     * @return a copy with an exclusive lower bound
     */
    public ParameterSpec above(double bound) {
        return new ParameterSpec(name, type, defaultValue, bound, false, max, maxInclusive, choices,
                description, kind, forwardsTo);
    }

    /**
     * @param bound the largest allowed value
     * @return a copy with an inclusive upper bound
     */
    public ParameterSpec atMost(double bound) {
        return new ParameterSpec(name, type, defaultValue, min, minInclusive, bound, true, choices,
                description, kind, forwardsTo);
    }

    /**
     * @param bound the value every allowed value must stay under
     * @return a copy with an exclusive upper bound
     */
    public ParameterSpec below(double bound) {
        return new ParameterSpec(name, type, defaultValue, min, minInclusive, bound, false, choices,
                description, kind, forwardsTo);
    }

    /**
     * Parses and checks one raw value.
     *
     * @param raw the text after {@code name=}
     * @param plugin the plugin's name, for the message
     * @return a {@link Double}, {@link Integer}, {@link Boolean} or {@link String} (for a
     *         {@link Type#PLUGIN} parameter the spec printed back, checked for form only: the
     *         plugin is resolved by {@link Parameters#bind})
     * @throws SpecException if the value has the wrong type or is out of range
     */
    public Object parse(String raw, String plugin) {
        String where = "parameter '" + name + "' of '" + plugin + "'";
        switch (type) {
            case REAL: {
                double v;
                try {
                    v = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new SpecException(where + " must be a number, found '" + raw + "'");
                }
                if (!Double.isFinite(v)) {
                    throw new SpecException(where + " must be finite, found '" + raw + "'");
                }
                checkRange(v, where, raw);
                return v;
            }
            case INTEGER: {
                int v;
                try {
                    v = Integer.parseInt(raw);
                } catch (NumberFormatException e) {
                    throw new SpecException(where + " must be an integer, found '" + raw + "'");
                }
                checkRange(v, where, raw);
                return v;
            }
            case BOOLEAN: {
                String s = raw.toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return Boolean.valueOf(s);
                }
                throw new SpecException(where + " must be true or false, found '" + raw + "'");
            }
            case CHOICE: {
                if (choices.contains(raw)) {
                    return raw;
                }
                throw new SpecException(where + " must be one of " + String.join(", ", choices)
                        + ", found '" + raw + "'");
            }
            case PLUGIN: {
                try {
                    return Spec.parse(raw).toString();
                } catch (SpecException e) {
                    throw new SpecException(where + " must be a " + kind.label() + " spec, such as "
                            + defaultValue + ", found '" + raw + "': " + e.getMessage());
                }
            }
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }

    /**
     * Checks a value given in Java code rather than in a spec string.
     *
     * @param value the value
     * @param plugin the plugin's name, for the message
     * @return the value, normalized to the declared type
     * @throws SpecException if the value has the wrong type or is out of range
     */
    public Object check(Object value, String plugin) {
        return parse(String.valueOf(value), plugin);
    }

    private void checkRange(double v, String where, String raw) {
        boolean tooLow = min != null && (minInclusive ? v < min : v <= min);
        boolean tooHigh = max != null && (maxInclusive ? v > max : v >= max);
        if (tooLow || tooHigh) {
            throw new SpecException(where + " must be " + range() + ", found " + raw);
        }
    }

    /**
     * @return the allowed range in words, for example {@code "> 0"} or {@code "in [0, 1)"}, or
     *         {@code "any"}
     */
    public String range() {
        if (type == Type.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        if (type == Type.BOOLEAN) {
            return "true or false";
        }
        if (type == Type.PLUGIN) {
            return "a " + kind.label() + " spec";
        }
        if (min != null && max != null) {
            return "in " + (minInclusive ? "[" : "(") + bound(min) + ", " + bound(max)
                    + (maxInclusive ? "]" : ")");
        }
        if (min != null) {
            return (minInclusive ? ">= " : "> ") + bound(min);
        }
        if (max != null) {
            return (maxInclusive ? "<= " : "< ") + bound(max);
        }
        return "any";
    }

    private String bound(double b) {
        return type == Type.INTEGER ? Long.toString((long) b) : format(b);
    }

    /**
     * @return a one-line description such as {@code lr (real > 0, default 0.01): learning rate}
     */
    public String describe() {
        String t = type.name().toLowerCase(Locale.ROOT);
        String r = range();
        String def = defaultValue == null ? "required" : "default " + format(defaultValue);
        String what = type == Type.PLUGIN ? kind.label() + " spec"
                : t + (r.equals("any") || type == Type.BOOLEAN ? "" : " " + r);
        String forward = forwardsTo == null ? ""
                : ", shorthand for " + name + " inside " + forwardsTo;
        return name + " (" + what + ", " + def + forward + ")"
                + (description.isEmpty() ? "" : ": " + description);
    }

    /**
     * Writes a value the way a spec string would, so that parsing it gives the same value back.
     *
     * @param value a value of this parameter's type
     * @return its text
     */
    public static String format(Object value) {
        if (value instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && Math.abs(v) < 1e15 && Double.compare(v, -0.0) != 0) {
                return Long.toString((long) v) + ".0";
            }
            return Double.toString(v);
        }
        return String.valueOf(value);
    }
}
