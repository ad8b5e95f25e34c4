package dev.mlp.examples.seed;

import dev.mlp.api.Loss;
import dev.mlp.api.Scaler;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;

/**
 * Seed 001, steps 3 to 5.1: the 2-3-1 sigmoid network at its initial weights, the forward pass
 * for the first student (scaled to x = (1, 1)), and the output error signal
 * {@code δo = y(1−y)(y−z)} of the half squared error.
 */
public final class Seed001ForwardPass implements Example {

    @Override
    public String name() {
        return "seed001-forward-pass";
    }

    @Override
    public String title() {
        return "seed 001: 2-3-1 sigmoid forward pass and output error signal";
    }

    @Override
    public void run(Report r) {
        Model model = Seed001Data.network().build();
        Network net = model.network();
        Loss loss = model.trainer().loss();

        Scaler.Fitted scale = Mlp.standard().registry().scaler("min-max")
                .fit(Dataset.flatten(Seed001Data.INPUTS, "inputs"), 4, 2);
        double[] x = new double[2];
        scale.transform(new double[] {70, 98}, x, 1);
        r.section("input: first student (70, 98) scaled to [0, 1]");
        r.check("x[0]", "1.0", x[0]);
        r.check("x[1]", "1.0", x[1]);

        r.section("forward pass");
        Workspace ws = new Workspace(net, 1);
        double[] y = net.forward(ws, x, 1).clone();
        double[] s = ws.preActivations(1);
        double[] a = ws.activations(1);
        r.check("s_h[0][0]", "-1.0", s[0]);
        r.check("a_h[0][0] = sigma(-1.0)", "0.2689", a[0]);
        r.check("s_h[0][1]", "0.5", s[1]);
        r.check("a_h[0][1] = sigma(0.5)", "0.6225", a[1]);
        r.check("s_h[0][2]", "1.5", s[2]);
        r.check("a_h[0][2] = sigma(1.5)", "0.8176", a[2]);
        r.check("a_h[0][0] * w_o[0][0]", "0.1345", a[0] * net.weight(2, 0, 0));
        r.check("a_h[0][1] * w_o[0][1]", "-0.6225", a[1] * net.weight(2, 1, 0));
        r.check("s_o", "0.0120", ws.preActivations(2)[0]);
        r.check("y_o = sigma(s_o)", "0.5030", y[0]);

        r.section("output error signal, half squared error: delta_o = y(1-y)(y-z)");
        double[] slope = new double[1];
        net.activation(2).backward(ws.preActivations(2), y, new double[] {1}, slope, 1, 1);
        r.erratum("y_o(1 - y_o)", "0.2494", slope[0], "0.5030*(1-0.5030) = 0.2500; sigma' "
                + "cannot exceed 0.25 and s_o is near 0");
        double[] raw = {91};
        double[] gradA = new double[1];
        loss.outputGradient(y, raw, gradA, 1, 1);
        r.check("y_o - z, raw target z = 91", "-90.4970", gradA[0]);
        double[] delta = new double[1];
        loss.delta(net.activation(2), ws.preActivations(2), y, raw, delta, 1, 1);
        r.erratum("delta_o, raw target z = 91", "-22.56", delta[0], "uses 0.2494 for 0.2500 "
                + "and truncates -22.5699 to -22.56");
        Scaler.Fitted targetScale = Mlp.standard().registry().scaler("min-max")
                .fit(Dataset.flatten(Seed001Data.TARGETS, "targets"), 4, 1);
        double[] z = new double[1];
        targetScale.transform(raw, z, 1);
        loss.delta(net.activation(2), ws.preActivations(2), y, z, delta, 1, 1);
        r.note("a sigmoid output lies in (0, 1), so the raw target 91 can never be reached; the");
        r.note("target must be scaled like the inputs: 91 -> (91-68)/(91-68) = 1.0");
        r.value("target z scaled to [0, 1]", z[0]);
        r.value("delta_o with the scaled target", delta[0]);
    }
}
