package dev.mlp.examples.seed;

import dev.mlp.api.Loss;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;

/**
 * Seed 000, "Numerical Computation": a 2-2-2 sigmoid network with the quadratic cost
 * {@code C = Σ(a−y)²}, one forward pass, the cost, and one step of backpropagation with
 * {@code η = 0.1}.
 *
 * <p>Weights as the seed names them: {@code w1} (x1→h1), {@code w2} (x1→h2), {@code w3} (x2→h1),
 * {@code w4} (x2→h2), {@code w5} (h1→a1), {@code w6} (h1→a2), {@code w7} (h2→a1), {@code w8}
 * (h2→a2); the printed update of {@code w6} confirms that reading.
 */
public final class Seed000Backprop implements Example {

    private static final String SIGMA_SLIP = "the seed evaluates sigma' at the activation, "
            + "sigma(a)(1-sigma(a)), instead of a(1-a) = sigma(z)(1-sigma(z))";

    @Override
    public String name() {
        return "seed000-backprop";
    }

    @Override
    public String title() {
        return "seed 000: 2-2-2 sigmoid network, quadratic cost, one backpropagation step";
    }

    @Override
    public void run(Report r) {
        double[] x = {2, 3};
        double[] y = {1.0, 0.2};
        Model model = Mlp.builder()
                .inputs(2)
                .layer(2, "sigmoid")
                .layer(2, "sigmoid")
                .loss("squared-error")
                .optimizer("sgd(lr=0.1)")
                .batch("full-batch")
                .epochs(1)
                .weights(1, new double[][] {{0.3, 0.2}, {-0.4, 0.6}})
                .biases(1, 0.25, 0.45)
                .weights(2, new double[][] {{0.7, -0.3}, {0.5, -0.1}})
                .biases(2, 0.15, 0.35)
                .build();
        Network net = model.network();
        Loss loss = model.trainer().loss();

        r.section("feed forward, x = (2, 3), y = (1.0, 0.2)");
        Workspace ws = new Workspace(net, 1);
        double[] a = net.forward(ws, x, 1).clone();
        double[] h = ws.activations(1).clone();
        double[] zOut = ws.preActivations(2).clone();
        r.check("h1", "0.41338242108267", h[0]);
        r.check("h2", "0.934010990508781", h[1]);
        r.note("(the seed prints h2 as '0.934010990508781s': a stray 's' after the number)");
        r.check("a1", "0.712257432295742", a[0]);
        r.check("a2", "0.533097573871501", a[1]);
        double cost = loss.value(zOut, a, y, 1, 2);
        r.check("cost C", "0.19374977898811957", cost);

        r.section("backpropagation");
        double[] dCda = new double[2];
        loss.outputGradient(a, y, dCda, 1, 2);
        r.check("dC/da1 = 2(a1 - y1)", "-0.5754851354085166", dCda[0]);
        double[] slope = new double[2];
        net.activation(2).backward(zOut, a, new double[] {1, 1}, slope, 1, 2);
        r.erratum("da1/dz_a1 = sigma'(z_a1)", "0.220793265944315", slope[0],
                SIGMA_SLIP + ": sigma'(0.7123) = 0.220793...");
        loss.delta(net.activation(2), zOut, a, y, ws.delta(2), 1, 2);
        net.backward(ws, x, 1);
        double[] gW1 = ws.gradients()[0];
        double[] gW2 = ws.gradients()[2];
        r.erratum("dC/dw5", "-0.052525710835624", gW2[0], "follows from " + SIGMA_SLIP);
        r.erratum("dC/dw1", "-0.064945998937865", gW1[0], "follows from " + SIGMA_SLIP
                + " (at a1, a2 and h1); the seed's formula also writes dC/dz_a1 twice where "
                + "the second is dC/dz_a2, but its number uses dC/dz_a2");

        r.section("after one gradient-descent step, eta = 0.1 (trained by the framework)");
        model.fit(new double[][] {x}, new double[][] {y});
        r.erratum("w5+", "0.70525257108356", net.weight(2, 0, 0), "follows from " + SIGMA_SLIP);
        r.erratum("w6+", "-0.3064179482696209", net.weight(2, 0, 1), "follows from "
                + SIGMA_SLIP);
        r.erratum("w7+", "0.511867846503068", net.weight(2, 1, 0), "follows from " + SIGMA_SLIP);
        r.erratum("w8+", "-0.511867846503068", net.weight(2, 1, 1), "the seed copies w7+ with "
                + "its sign flipped; w8 starts at -0.1 and moves by about 0.015");
        r.erratum("b3+", "0.1627063242549253", net.bias(2, 0), "follows from " + SIGMA_SLIP);
        r.erratum("b4+", "0.33447454961240974", net.bias(2, 1), "follows from " + SIGMA_SLIP);
        r.erratum("w1+", "0.3064945998937866", net.weight(1, 0, 0), "follows from " + SIGMA_SLIP);
        r.value("w2+ (not printed)", net.weight(1, 0, 1));
        r.value("w3+ (not printed)", net.weight(1, 1, 0));
        r.value("w4+ (not printed)", net.weight(1, 1, 1));
        r.value("b1+ (not printed)", net.bias(1, 0));
        r.value("b2+ (not printed)", net.bias(1, 1));
        r.value("cost after the step", model.loss(new double[][] {x}, new double[][] {y}));
    }
}
