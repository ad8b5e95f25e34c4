package dev.mlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.optimizers.Lookahead;
import dev.mlp.optimizers.Lion;
import dev.mlp.optimizers.schedule.CosineSchedule;
import dev.mlp.optimizers.schedule.WarmupSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The newer update rules and schedules, by spec through the registry and the trainer, each train
 * a small network on XOR to a low loss and every point right.
 */
class NewerUpdateRulesTrainingTest {

    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] Y = {{0}, {1}, {1}, {0}};

    private static Mlp.Builder xor() {
        return Mlp.builder()
                .inputs(2)
                .layer(8, "tanh")
                .layer(1, "sigmoid")
                .loss("binary-cross-entropy")
                .batch("full-batch")
                .initializer("xavier")
                .epochs(600)
                .seed(3);
    }

    private static void assertLearnsXor(Model model, String what) {
        TrainingResult r = model.fit(X, Y);
        double first = r.epochLosses().get(0);
        assertTrue(r.finalLoss() < 0.05 && r.finalLoss() < first / 10,
                what + ": loss " + first + " -> " + r.finalLoss());
        assertEquals(1.0, model.accuracy(X, Y), 0.0, what);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        "lion(lr=0.01);constant",
        "lion(lr=0.01, decay=0.1);constant",
        "radam(lr=0.05);constant",
        "adam-belief(lr=0.05);constant",
        "lookahead(inner=adam, lr=0.05);constant",
        "lookahead(inner=sgd, lr=0.5, k=10, alpha=0.8);constant",
        "schedule-free-adamw(lr=0.05);constant",
        "schedule-free-adamw(lr=0.05, warmup=50, decay=0.01);constant",
        "adam(lr=0.05);one-cycle",
        "adam(lr=0.05);cyclical(step-size=50)",
        "adam(lr=0.05);cyclical(step-size=25, mode=triangular2)",
        "adam(lr=0.05);warmup(steps=50, then=cosine)",
        "sgd(lr=1);warmup(steps=20, then=reduce-on-plateau)"})
    void trainsXorBySpec(String optimizer, String schedule) {
        assertLearnsXor(xor().optimizer(optimizer).schedule(schedule).build(),
                optimizer + " with " + schedule);
    }

    @Test
    void wrappersTakeAnyOptimizerOrScheduleMadeInCode() {
        Model model = xor()
                .optimizer(new Lookahead(new Lion(0.01, 0.9, 0.99, 0.0), 4, 0.5))
                .schedule(new WarmupSchedule(30, new CosineSchedule(0, 0.1)))
                .build();
        assertLearnsXor(model, "lookahead around lion, warm-up before cosine(min=0.1)");
    }
}
