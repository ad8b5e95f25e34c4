package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkClassWeightTest {

    /** 150 rows of class 0 and 50 of class 1, with a weight column of 3 for class 1. */
    private static Dataset<Row> imbalanced() {
        SplittableRandom r = new SplittableRandom(4);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double label = i % 4 == 3 ? 1 : 0;
            data.add(RowFactory.create(Vectors.dense(label - 0.5 + r.nextGaussian()), label,
                    label == 1 ? 3.0 : 1.0));
        }
        return TestSpark.session().createDataFrame(data, new StructType()
                .add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType)
                .add("w", DataTypes.DoubleType));
    }

    private static SparkMlp mlp() {
        return new SparkMlp().setLayers(4).setOptimizer("adam(lr=0.05)").setEpochs(10)
                .setSeed(3);
    }

    @Test
    void classWeightsTrainLikeTheSameSampleWeights() {
        Dataset<Row> df = imbalanced();
        List<Double> byColumn = mlp().setWeightCol("w").fit(df).lossHistory();
        List<Double> byClass = mlp().setClassWeight("1=3").fit(df).lossHistory();
        assertEquals(byColumn, byClass);
        // balanced: 200 / (2 * 50) = 2 for class 1 and 200 / (2 * 150) = 2/3 for class 0,
        // the same relative weights as 1 and 3, so the same gradients up to a constant
        List<Double> balanced = mlp().setClassWeight("balanced").fit(df).lossHistory();
        List<Double> plain = mlp().fit(df).lossHistory();
        assertTrue(!plain.equals(balanced));
        assertArrayEquals(new double[] {byClass.get(0)}, new double[] {balanced.get(0)}, 1e-12);
    }

    @Test
    void badClassWeightsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setClassWeight("1")).getMessage()
                .startsWith("class weights must be 'balanced' or 'class=weight, ...'"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> mlp().setClassWeight("5=2").fit(imbalanced()));
        assertEquals("class weights name class '5', which is not a class of the data; its "
                + "classes are 0, 1", e.getMessage());
    }
}
