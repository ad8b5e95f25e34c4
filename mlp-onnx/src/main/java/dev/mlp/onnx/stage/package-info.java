/**
 * The stages of an exported prediction pipeline ({@link dev.mlp.onnx.stage.ExportStage}):
 * scalings, dense layers, activations, layer plugins, residual blocks and outputs.
 */
package dev.mlp.onnx.stage;
