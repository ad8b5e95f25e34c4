package dev.mlp.examples.data;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;

/**
 * XOR, the classic problem no single-layer network solves: a 2-4-1 network, tanh hidden layer,
 * sigmoid output with binary cross-entropy, Adam, full batch.
 */
public final class Xor implements Example {

    static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final double[][] Y = {{0}, {1}, {1}, {0}};

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String title() {
        return "XOR with a 2-4-1 network (tanh, sigmoid + binary cross-entropy, adam)";
    }

    @Override
    public void run(Report r) {
        Model m = Mlp.builder()
                .inputs(2)
                .layer(4, "tanh")
                .layer(1, "sigmoid")
                .loss("binary-cross-entropy")
                .optimizer("adam(lr=0.05)")
                .batch("full-batch")
                .initializer("xavier")
                .epochs(500)
                .seed(1)
                .build();
        TrainingResult result = m.fit(X, Y);
        r.section("after " + result.epochs() + " epochs");
        r.value("loss, epoch 1", result.epochLosses().get(0));
        r.value("loss, last epoch", result.finalLoss());
        double[][] p = m.predict(X);
        for (int i = 0; i < X.length; i++) {
            r.value("p(1 | " + (int) X[i][0] + " xor " + (int) X[i][1] + ")", p[i][0]);
        }
        r.value("accuracy", m.accuracy(X, Y));
    }
}
