/** The ONNX forms of the built-in activations and layer plugins. */
package dev.mlp.onnx.builtin;
