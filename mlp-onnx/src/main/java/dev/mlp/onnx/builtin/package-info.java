/** The ONNX forms of the built-in activations. */
package dev.mlp.onnx.builtin;
