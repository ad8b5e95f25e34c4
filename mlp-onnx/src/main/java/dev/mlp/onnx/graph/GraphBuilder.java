package dev.mlp.onnx.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the nodes, constants, inputs and outputs of an ONNX graph, in plain Java types. Export
 * stages and activation and layer exporters add to it; {@link dev.mlp.onnx.OnnxExport} writes it.
 *
 * <p>Every value gets a unique name: {@link #fresh(String)} makes one from a hint, prefixed by
 * the current {@linkplain #scope(String) scope} (for example {@code layer2/z}). Nodes are kept
 * in the order they are added, which must be a topological order (each node after the nodes
 * its inputs come from), as ONNX requires.
 *
 * <p>Attribute values map to ONNX attribute types: {@link Long} or {@link Integer} to INT,
 * {@link Double} or {@link Float} to FLOAT (ONNX float attributes hold 32 bits: pass numbers
 * that must keep 64 bits as {@linkplain #scalar double constants} instead), {@link String} to
 * STRING, {@code long[]} to INTS, {@code float[]} to FLOATS and {@code String[]} to STRINGS.
 * Not thread-safe.
 */
public final class GraphBuilder {

    /** The default ONNX operator set domain ({@code ai.onnx}). */
    public static final String ONNX_DOMAIN = "";

    /**
     * A node.
     *
     * @param name the node's unique name
     * @param domain the operator set domain, {@code ""} for {@code ai.onnx}
     * @param opType the operator
     * @param inputs the input value names ({@code ""} for an omitted optional input)
     * @param outputs the output value names
     * @param attributes the attributes by name, in name order
     */
    public record Node(String name, String domain, String opType, List<String> inputs,
                       List<String> outputs, Map<String, Object> attributes) {
    }

    /**
     * A constant tensor (an initializer).
     *
     * @param name the value name
     * @param type the element type
     * @param dims the shape ({@code []} for a scalar)
     * @param values a {@code double[]}, {@code long[]} or {@code String[]} of
     *        {@code product(dims)} elements, row-major
     */
    public record Constant(String name, ElementType type, long[] dims, Object values) {
    }

    /**
     * A graph input or output.
     *
     * @param name the value name
     * @param type the element type
     * @param dims each dimension: a {@link Long} for a fixed size, a {@link String} for a named
     *        free size such as {@code "N"}
     * @param doc a description for users of the model
     */
    public record Value(String name, ElementType type, List<Object> dims, String doc) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Constant> constants = new ArrayList<>();
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String scope = "";

    /**
     * @param onnxOpset the version of the default operator set the nodes are written for
     */
    public GraphBuilder(long onnxOpset) {
        opsets.put(ONNX_DOMAIN, onnxOpset);
    }

    /**
     * Sets the prefix of the names made from now on, for example {@code "layer2"}.
     *
     * @param name the scope, or {@code ""} for none
     * @return this
     */
    public GraphBuilder scope(String name) {
        this.scope = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * A name used nowhere else in the graph, made of the scope and a hint.
     *
     * @param hint what the value is, for example {@code "z"}
     * @return the name, for example {@code "layer2/z"} or {@code "layer2/z_1"}
     */
    public String fresh(String hint) {
        String base = scope.isEmpty() ? hint : scope + "/" + hint;
        int n = nameCounts.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + (n - 1);
    }

    private String reserve(String name) {
        if (nameCounts.putIfAbsent(name, 1) != null) {
            throw new IllegalArgumentException("the graph already has a value named '" + name
                    + "'");
        }
        return name;
    }

    /**
     * Declares the version of an operator set the graph uses besides the default one.
     *
     * @param domain the domain, for example {@code "ai.onnx.ml"}
     * @param version the operator set version
     * @return this
     */
    public GraphBuilder opset(String domain, long version) {
        Long old = opsets.putIfAbsent(domain, version);
        if (old != null && old != version) {
            throw new IllegalArgumentException("operator set '" + domain + "' is already "
                    + "imported at version " + old + ", cannot also use version " + version);
        }
        return this;
    }

    /**
     * A scalar (0-dimensional) double constant.
     *
     * @param hint what it is
     * @param value the value
     * @return the constant's name
     */
    public String scalar(String hint, double value) {
        return constant(hint, new double[] {value});
    }

    /**
     * A double constant.
     *
     * @param hint what it is
     * @param values the elements, row-major
     * @param dims the shape; none for a scalar (then {@code values} has 1 element)
     * @return the constant's name
     */
    public String constant(String hint, double[] values, long... dims) {
        check(values.length, dims, hint);
        return add(hint, ElementType.DOUBLE, dims, values.clone());
    }

    /**
     * A 64-bit integer constant.
     *
     * @param hint what it is
     * @param values the elements, row-major
     * @param dims the shape; none for a scalar
     * @return the constant's name
     */
    public String constantLongs(String hint, long[] values, long... dims) {
        check(values.length, dims, hint);
        return add(hint, ElementType.INT64, dims, values.clone());
    }

    /**
     * A string constant.
     *
     * @param hint what it is
     * @param values the elements, row-major
     * @param dims the shape; none for a scalar
     * @return the constant's name
     */
    public String constantStrings(String hint, List<String> values, long... dims) {
        check(values.size(), dims, hint);
        return add(hint, ElementType.STRING, dims, values.toArray(new String[0]));
    }

    private static void check(int count, long[] dims, String hint) {
        long n = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("constant '" + hint + "' has a negative "
                        + "dimension: " + Arrays.toString(dims));
            }
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("constant '" + hint + "' of shape "
                    + Arrays.toString(dims) + " needs " + n + " values, found " + count);
        }
    }

    private String add(String hint, ElementType type, long[] dims, Object values) {
        String name = fresh(hint);
        constants.add(new Constant(name, type, dims.clone(), values));
        return name;
    }

    /**
     * Adds a node of the default operator set with one output.
     *
     * @param opType the operator, for example {@code "Gemm"}
     * @param inputs the input names
     * @return the output's name
     */
    public String node(String opType, String... inputs) {
        return node(opType, List.of(inputs), Map.of());
    }

    /**
     * Adds a node of the default operator set with one output.
     *
     * @param opType the operator
     * @param inputs the input names
     * @param attributes the attributes (see the class comment for their types)
     * @return the output's name
     */
    public String node(String opType, List<String> inputs, Map<String, Object> attributes) {
        return node(ONNX_DOMAIN, opType, inputs, 1, attributes).get(0);
    }

    /**
     * Adds a node.
     *
     * @param domain the operator set domain ({@code ""} for {@code ai.onnx}); other domains
     *        must be declared with {@link #opset(String, long)}
     * @param opType the operator
     * @param inputs the input names
     * @param outputCount the number of outputs
     * @param attributes the attributes (see the class comment for their types)
     * @return the outputs' names
     */
    public List<String> node(String domain, String opType, List<String> inputs, int outputCount,
                             Map<String, Object> attributes) {
        if (!opsets.containsKey(domain)) {
            throw new IllegalArgumentException("operator " + opType + " of domain '" + domain
                    + "' needs that operator set declared first with opset(domain, version)");
        }
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            Object v = a.getValue();
            if (!(v instanceof Long || v instanceof Integer || v instanceof Double
                    || v instanceof Float || v instanceof String || v instanceof long[]
                    || v instanceof float[] || v instanceof String[])) {
                throw new IllegalArgumentException("attribute '" + a.getKey() + "' of "
                        + opType + " has an unsupported type "
                        + (v == null ? "null" : v.getClass().getSimpleName()));
            }
        }
        List<String> outs = new ArrayList<>();
        String lower = opType.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < outputCount; i++) {
            outs.add(fresh(outputCount == 1 ? lower : lower + "_out" + i));
        }
        // in name order: the file's bytes must not depend on the iteration order of the map
        // given (Map.of's changes from one JVM to the next)
        nodes.add(new Node(fresh(opType), domain, opType, List.copyOf(inputs), List.copyOf(outs),
                Collections.unmodifiableMap(new java.util.TreeMap<>(attributes))));
        return outs;
    }

    /**
     * Declares a graph input; its name must be unused.
     *
     * @param name the input's name
     * @param type its element type
     * @param doc what it holds
     * @param dims each dimension, a {@link Long} or a {@link String} for a free size
     * @return the name
     */
    public String input(String name, ElementType type, String doc, Object... dims) {
        inputs.add(new Value(reserve(name), type, dims(dims), doc));
        return name;
    }

    /**
     * Makes a value a graph output under a given name (through an {@code Identity} node).
     *
     * @param value the value to publish
     * @param name the output's name; must be unused
     * @param type its element type
     * @param doc what it holds
     * @param dims each dimension, a {@link Long} or a {@link String} for a free size
     * @return the name
     */
    public String output(String value, String name, ElementType type, String doc,
                         Object... dims) {
        reserve(name);
        nodes.add(new Node(fresh("Identity"), ONNX_DOMAIN, "Identity", List.of(value),
                List.of(name), Map.of()));
        outputs.add(new Value(name, type, dims(dims), doc));
        return name;
    }

    private static List<Object> dims(Object[] dims) {
        List<Object> out = new ArrayList<>();
        for (Object d : dims) {
            if (d instanceof Integer i) {
                out.add((long) i);
            } else if (d instanceof Long || d instanceof String) {
                out.add(d);
            } else {
                throw new IllegalArgumentException("a dimension must be a number or a name, "
                        + "found " + d);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Adds a {@code key = value} entry to the model's metadata ({@code metadata_props}).
     *
     * @param key the key; must be new
     * @param value the value
     * @return this
     */
    public GraphBuilder metadata(String key, String value) {
        if (metadata.putIfAbsent(key, Objects.requireNonNull(value, "value")) != null) {
            throw new IllegalArgumentException("metadata key '" + key + "' is already set");
        }
        return this;
    }

    /** @return the nodes, in order */
    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** @return the constants */
    public List<Constant> constants() {
        return Collections.unmodifiableList(constants);
    }

    /** @return the graph inputs */
    public List<Value> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** @return the graph outputs */
    public List<Value> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    /** @return the operator sets used, version by domain */
    public Map<String, Long> opsets() {
        return Collections.unmodifiableMap(opsets);
    }

    /** @return the metadata entries, in order */
    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }
}
