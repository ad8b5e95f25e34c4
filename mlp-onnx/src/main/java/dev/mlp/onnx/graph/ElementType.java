package dev.mlp.onnx.graph;

/**
 * The element types an exported graph uses, with their codes in ONNX's
 * {@code TensorProto.DataType}.
 */
public enum ElementType {
    /** 32-bit float. */
    FLOAT(1),
    /** 64-bit signed integer, as indices and {@code ArgMax} results are. */
    INT64(7),
    /** UTF-8 string, as class labels are. */
    STRING(8),
    /** Boolean, as comparisons give. */
    BOOL(9),
    /** 64-bit float, the type the network computes in. */
    DOUBLE(11);

    private final int code;

    ElementType(int code) {
        this.code = code;
    }

    /** @return the {@code TensorProto.DataType} number of this type */
    public int code() {
        return code;
    }
}
