package dev.mlp.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.core.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * The L-BFGS Iris run against scikit-learn 1.2.1's {@code MLPClassifier(solver="lbfgs")} from the
 * same weights; the expected losses are what {@code mlp-examples/scripts/lbfgs_comparison.py}
 * printed for scikit-learn.
 */
class LbfgsIrisTest {

    @Test
    void theLossAfterTenIterationsIsScikitLearns() {
        IrisClassification.Table t = IrisClassification.load();
        assertEquals(0.646420012531897, LbfgsIris.train(t, 1).finalLoss(), 1e-14);
        TrainingResult ten = LbfgsIris.train(t, 10);
        assertEquals(10, ten.epochs());
        assertEquals(0.0513689935055526, ten.finalLoss(), 1e-14);
    }
}
