package dev.mlp.examples.seed;

import dev.mlp.api.Scaler;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;

/**
 * Seed 001, step 2: min-max scaling of the inputs to {@code [0, 1]} and to {@code [−1, 1]}, with
 * the framework's {@code min-max} scaler.
 */
public final class Seed001Normalization implements Example {

    @Override
    public String name() {
        return "seed001-normalization";
    }

    @Override
    public String title() {
        return "seed 001: min-max scaling of the student-grades inputs to [0,1] and [-1,1]";
    }

    @Override
    public void run(Report r) {
        double[] x = Dataset.flatten(Seed001Data.INPUTS, "inputs");
        int rows = Seed001Data.INPUTS.length;

        Scaler.Fitted unit = Mlp.standard().registry().scaler("min-max(lo=0, hi=1)")
                .fit(x, rows, 2);
        double[][] stats = unit.statistics();
        r.section("column statistics");
        r.check("min I[0]", "25", stats[0][0]);
        r.check("max I[0]", "70", stats[0][1]);
        r.check("min I[1]", "67", stats[1][0]);
        r.check("max I[1]", "98", stats[1][1]);

        r.section("min-max to [0, 1]: (x - min)/(max - min)");
        double[] s = new double[x.length];
        unit.transform(x, s, rows);
        String trunc = "truncated instead of rounded";
        r.erratum("worked example 65 -> (65-25)/(70-25)", "0.8888", s[2 * 2], trunc);
        r.check("I[0] 70", "1.0", s[0]);
        r.erratum("I[0] 50", "0.5555", s[2], trunc);
        r.erratum("I[0] 65", "0.8888", s[4], trunc);
        r.check("I[0] 25", "0.0", s[6]);
        r.check("I[1] 98", "1.0", s[1]);
        r.check("I[1] 85", "0.5806", s[3]);
        r.check("I[1] 67", "0.0", s[5]);
        r.check("I[1] 95", "0.9032", s[7]);

        r.section("min-max to [-1, 1]: (x - min)/(max - min) * 2 - 1");
        Scaler.Fitted sym = Mlp.standard().registry().scaler("min-max(lo=-1, hi=1)")
                .fit(x, rows, 2);
        double[] t = new double[x.length];
        sym.transform(x, t, rows);
        r.check("I[0] 70", "1.0", t[0]);
        r.erratum("I[0] 50", "-0.1111", t[2], "sign flipped: 2*(25/45) - 1 = +0.1111");
        r.erratum("I[0] 65", "0.7777", t[4], trunc);
        r.check("I[0] 25", "-1.0", t[6]);
        r.check("I[1] 98", "1.0", t[1]);
        r.check("I[1] 85", "0.1613", t[3]);
        r.check("I[1] 67", "-1.0", t[5]);
        r.erratum("I[1] 95", "0.8064", t[7], "computed from the rounded 0.9032 "
                + "(2*0.9032-1 = 0.8064); 2*(28/31)-1 = 0.80645");

        double[] back = new double[x.length];
        sym.inverse(t, back, rows);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(back[i] - x[i]));
        }
        r.value("largest round-trip error of inverse scaling", worst);
    }
}
