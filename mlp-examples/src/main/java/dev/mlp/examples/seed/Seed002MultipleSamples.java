package dev.mlp.examples.seed;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;

/**
 * Seed 002, "multiple samples": a network with one input, four hidden layers and one output,
 * trained on the seed's five samples with {@code h = 0.3} by full-batch (gradient averaged over
 * all samples), stochastic (one sample per step) and mini-batch gradient descent.
 *
 * <p>The seed gives neither the hidden layer widths nor the weights, so its printed predictions
 * cannot be reproduced; this example uses four tanh layers of 4 neurons, a tanh output, and
 * Xavier-initialized weights from seed 2020, the same for every strategy.
 */
public final class Seed002MultipleSamples implements Example {

    static final double[][] X = {{0}, {0.20}, {0.50}, {0.70}, {0.85}};
    static final double[][] Y = {{0}, {0.50}, {0.60}, {0.75}, {0.80}};

    @Override
    public String name() {
        return "seed002-multiple-samples";
    }

    @Override
    public String title() {
        return "seed 002: five samples, full-batch vs stochastic vs mini-batch gradient descent";
    }

    @Override
    public void run(Report r) {
        String[] printed = {"0.0295", "0.4255", "0.6867", "0.7470", "0.7706"};
        String[][] strategies = {
            {"full-batch", "full-batch"},
            {"stochastic", "stochastic(shuffle=false)"},
            {"mini-batch of 2", "mini-batch(size=2, shuffle=false)"}};
        for (String[] s : strategies) {
            Model m = model("tanh", s[1], 500);
            var result = m.fit(X, Y);
            r.section("tanh, " + s[0] + ", 500 epochs, h = 0.3");
            double[][] p = m.predict(X);
            for (int i = 0; i < X.length; i++) {
                String q = "prediction for x = " + X[i][0] + " (target " + Y[i][0] + ")";
                if (s[0].equals("full-batch")) {
                    r.unreproducible(q, printed[i], p[i][0], "seed's widths and weights not given");
                } else {
                    r.value(q, p[i][0]);
                }
            }
            r.value("mean loss, epoch 1", result.epochLosses().get(0));
            r.value("mean loss, epoch 500", result.finalLoss());
            r.value("optimizer steps", result.steps());
            double[] predicted = new double[X.length];
            double[] wanted = new double[X.length];
            for (int i = 0; i < X.length; i++) {
                predicted[i] = p[i][0];
                wanted[i] = Y[i][0];
            }
            r.lossCurve(name() + "-" + s[0].replace(' ', '-'), "tanh, " + s[0], predicted,
                    wanted, result.epochLosses());
        }
        r.section("linear activation, full-batch: mean loss after 20, 50, 100, 200 epochs");
        for (int epochs : new int[] {20, 50, 100, 200}) {
            Model m = model("linear", "full-batch", epochs);
            r.value("loss after " + epochs + " epochs", m.fit(X, Y).finalLoss());
        }
    }

    private static Model model(String activation, String batch, int epochs) {
        return Mlp.builder()
                .inputs(1)
                .layer(4, activation).layer(4, activation).layer(4, activation)
                .layer(4, activation).layer(1, activation)
                .loss("half-squared-error")
                .optimizer("sgd(lr=0.3)")
                .batch(batch)
                .initializer("xavier")
                .seed(2020)
                .epochs(epochs)
                .build();
    }
}
