package dev.mlp.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;

/** Runs exported models with ONNX Runtime. */
final class Ort {

    private Ort() {
    }

    /** The outputs of one run, by name: {@code double[][]} or {@code String[]}. */
    static Map<String, Object> run(byte[] model, double[][] features) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor input = OnnxTensor.createTensor(env, features);
                 OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
                Map<String, Object> out = new HashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    out.put(e.getKey(), e.getValue().getValue());
                }
                return out;
            }
        }
    }
}
