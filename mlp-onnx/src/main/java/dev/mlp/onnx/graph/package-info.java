/**
 * A description of an ONNX graph in plain Java types (no protobuf): nodes, constants, inputs
 * and outputs, built by the export stages and by activation and layer exporters, and written as
 * an ONNX model by {@link dev.mlp.onnx.OnnxExport}.
 */
package dev.mlp.onnx.graph;
