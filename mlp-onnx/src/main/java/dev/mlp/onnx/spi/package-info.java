/**
 * The extension points through which a plugin gives its own ONNX form: an activation's with
 * {@link dev.mlp.onnx.spi.OnnxActivationExporter}, a layer plugin's with
 * {@link dev.mlp.onnx.spi.OnnxLayerExporter}, both found with {@link java.util.ServiceLoader}.
 */
package dev.mlp.onnx.spi;
