/**
 * The extension point through which an activation plugin gives its own ONNX form:
 * {@link dev.mlp.onnx.spi.OnnxActivationExporter}, found with {@link java.util.ServiceLoader}.
 */
package dev.mlp.onnx.spi;
