package dev.mlp.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.layer.LayeredNetwork;
import dev.mlp.onnx.proto.OnnxProto.ModelProto;
import dev.mlp.onnx.proto.OnnxProto.NodeProto;
import dev.mlp.onnx.proto.OnnxProto.StringStringEntryProto;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Networks with layer plugins and residual blocks, trained a few epochs on a small seeded data
 * set, exported and run with ONNX Runtime on the rows given to {@link Model#predict}: the
 * outputs agree to {@value #TOLERANCE} (the graph computes in double, each layer with the
 * network's own operations; what is left is the order of the sums inside {@code ReduceMean} and
 * {@code Gemm}, a few units in the last place carried through the layers: 1.4e-14 at most seen),
 * and the labels are the same.
 */
class LayerParityTest {

    /** The largest |ONNX Runtime - Model.predict| allowed, for outputs of order 1 to 100. */
    static final double TOLERANCE = 1e-12;

    /** Every built-in layer kind, alone and together, residual blocks nested. */
    static final List<String> NETWORKS = List.of(
            "dense(6, relu) batch-norm dense(2)",
            "batch-norm dense(6, tanh) dense(2)",
            "dense(6, relu) batch-norm(momentum=0.0, epsilon=0.01) dense(2)",
            "dense(6, tanh) layer-norm dense(2)",
            "dense(6, relu) layer-norm(epsilon=0.001) dense(2)",
            "dense(6, tanh) rms-norm dense(2)",
            "dense(6, relu) rms-norm(epsilon=0.5) dense(2)",
            "dense(6, relu) layer-norm dropout(0.3) dense(2)",
            "dense(6, relu, dropout=0.2) rms-norm dense(2)",
            "dense(6, relu) residual(dense(6, relu), dense(6)) dense(2)",
            "dense(6, tanh) residual(dense(6, relu), residual(rms-norm, dense(6, tanh)), "
                    + "dense(6)) dense(2)",
            "dense(6, relu) batch-norm dropout(0.1) residual(dense(6, relu), batch-norm, "
                    + "dropout(0.2), dense(6)) layer-norm residual(rms-norm, dense(6, tanh)) "
                    + "dense(2)");

    /** All of them in one classifier. */
    static final String MIXED = "dense(8, relu) batch-norm dropout(0.1) residual(dense(8, relu), "
            + "batch-norm, dropout(0.2), dense(8, gelu)) layer-norm residual(rms-norm, "
            + "dense(8, tanh), residual(layer-norm, dense(8))) dense(3, softmax)";

    @AfterAll
    static void printLargestDifference() {
        System.out.println(MaxDifferences.summary());
    }

    static Model regression(String network, long seed) {
        double[][] x = ParityTest.rows(seed, 64, 3, 3);
        Model m = Mlp.builder().inputs(3).network(network).loss("mse")
                .optimizer("adam(lr=0.01)").inputScaler("z-score").targetScaler("z-score")
                .epochs(4).seed(seed).build();
        m.fit(x, ParityTest.regressionTargets(x));
        return m;
    }

    static Model classifier(String network, long seed) {
        double[][] x = ParityTest.rows(seed, 60, 3, 3);
        Model m = Mlp.builder().inputs(3).network(network).loss("cross-entropy")
                .optimizer("adam(lr=0.02)").inputScaler("z-score").epochs(5).seed(seed)
                .build();
        m.fit(x, ParityTest.oneHot(x, 3));
        m.classNames(List.of("low", "mid", "high"));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.FieldSource("NETWORKS")
    void regressionMatchesPredict(String network) throws Exception {
        Model model = regression(network, 17);
        assertTrue(model.network() instanceof LayeredNetwork, "a network with layer plugins");
        double[][] test = ParityTest.rows(18, 80, 3, 8);
        double[][] expected = model.predict(test);
        double[][] got = (double[][]) Ort.run(OnnxExport.toBytes(model), test)
                .get("predictions");
        double diff = ParityTest.maxDiff(expected, got);
        MaxDifferences.record("layered regression " + network, diff);
        assertTrue(diff <= TOLERANCE, "max |difference| " + diff);
    }

    @Test
    void aClassifierMixingEveryLayerKindMatchesPredictAndItsLabels() throws Exception {
        Model model = classifier(MIXED, 23);
        LayeredNetwork net = (LayeredNetwork) model.network();
        assertEquals(7, net.layerPluginCount());
        assertFalse(net.layerState(0)[0] == 0.0 && net.layerState(0)[8] == 1.0,
                "training moved the running statistics away from their start");
        double[][] test = ParityTest.rows(24, 120, 3, 8);
        double[][] p = model.predict(test);
        Map<String, Object> out = Ort.run(OnnxExport.toBytes(model), test);
        double diff = ParityTest.maxDiff(p, (double[][]) out.get("probabilities"));
        MaxDifferences.record("layered classifier", diff);
        assertTrue(diff <= TOLERANCE, "max |difference| " + diff);
        String[] labels = new String[test.length];
        for (int i = 0; i < test.length; i++) {
            labels[i] = model.classNames().get(Model.argmax(p[i]));
        }
        assertArrayEquals(labels, (String[]) out.get("label"));
    }

    @Test
    void batchNormUsesTheRunningStatisticsNotTheBatchs() throws Exception {
        // one row at a time and all rows at once give the same outputs only with running
        // statistics; with the batch's, a single row would normalize to beta
        Model model = regression("dense(6, relu) batch-norm dense(2)", 31);
        double[][] test = ParityTest.rows(32, 5, 3, 4);
        byte[] onnx = OnnxExport.toBytes(model);
        double[][] all = (double[][]) Ort.run(onnx, test).get("predictions");
        for (int i = 0; i < test.length; i++) {
            double[][] one = (double[][]) Ort.run(onnx, new double[][] {test[i]})
                    .get("predictions");
            assertArrayEquals(all[i], one[0], 0.0, "row " + i);
        }
        assertTrue(ParityTest.maxDiff(model.predict(test), all) <= TOLERANCE);
    }

    private static List<String> ops(Model model) throws Exception {
        ModelProto m = ModelProto.parseFrom(OnnxExport.toBytes(model));
        return m.getGraph().getNodeList().stream().map(NodeProto::getOpType)
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dense(4, relu) layer-norm dense(2)",
        "dense(4, relu) layer-norm dropout(0.3) dense(2)"})
    void dropoutAddsNoNodeAndLayerNormIsWrittenInDouble(String network) throws Exception {
        List<String> ops = ops(regression(network, 3));
        assertFalse(ops.contains("LayerNormalization"), "its epsilon would be a float: " + ops);
        assertEquals(2, ops.stream().filter("ReduceMean"::equals).count(), ops.toString());
        assertFalse(ops.contains("Dropout"), ops.toString());
        assertEquals(1, ops.stream().filter("Identity"::equals).count(),
                "only the output's: " + ops);
    }

    @Test
    void batchNormIsWrittenWithPrecomputedConstantsAndResidualsAsAdd() throws Exception {
        List<String> plain = ops(regression("dense(4, relu) dense(4) dense(2)", 3));
        List<String> res = ops(regression("dense(4, relu) residual(dense(4)) batch-norm "
                + "dense(2)", 3));
        assertFalse(res.contains("BatchNormalization"), res.toString());
        List<String> extra = new java.util.ArrayList<>(res);
        plain.forEach(extra::remove);
        extra.sort(null);
        assertEquals(List.of("Add", "Add", "Mul", "Mul", "Sub"), extra,
                "the residual's Add, then batch-norm's Sub, Mul, Mul, Add: " + res);
    }

    @Test
    void theNetworkSpecIsInTheMetadata() throws Exception {
        Model model = regression("dense(4, relu) rms-norm dense(2)", 3);
        ModelProto m = ModelProto.parseFrom(OnnxExport.toBytes(model));
        Map<String, String> meta = m.getMetadataPropsList().stream().collect(Collectors.toMap(
                StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertEquals(((LayeredNetwork) model.network()).spec(), meta.get("network"));
        assertTrue(meta.get("network").contains("rms-norm(epsilon="), meta.get("network"));
        assertEquals(OnnxExport.OPSET, m.getOpsetImport(0).getVersion());
    }
}
