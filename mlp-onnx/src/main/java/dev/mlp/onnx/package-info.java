/**
 * ONNX export of trained models: {@link dev.mlp.onnx.OnnxExport} writes a model's whole
 * prediction pipeline (input scaling, dense layers, activations, outputs, target scaling's
 * inverse) as an ONNX graph that computes in double precision.
 */
package dev.mlp.onnx;
