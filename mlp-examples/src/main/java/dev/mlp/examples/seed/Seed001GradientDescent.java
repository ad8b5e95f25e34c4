package dev.mlp.examples.seed;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.core.Mlp;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import java.util.List;

/**
 * Seed 001, step 5: gradient descent on {@code f(x, y) = x² + y²} from {@code (3, 4)} with
 * {@code η = 0.1}, stepped by the framework's {@code sgd} optimizer plugin. The seed's table has
 * ten rows; its {@code f} column is {@code f} at the new point, {@code 25·0.64^n}.
 */
public final class Seed001GradientDescent implements Example {

    /** Per row: x_old, df/dx, x_new, y_old, df/dy, y_new, f(x_new, y_new), as printed. */
    private static final String[][] TABLE = {
        {"3.0000", "6.0000", "2.4000", "4.0000", "8.0000", "3.2000", "16.0000"},
        {"2.4000", "4.8000", "1.9200", "3.2000", "6.4000", "2.5600", "10.2400"},
        {"1.9200", "3.8400", "1.5360", "2.5600", "5.1200", "2.0480", "6.5536"},
        {"1.5360", "3.0720", "1.2288", "2.0480", "4.0960", "1.6384", "4.1943"},
        {"1.2288", "2.4576", "0.9830", "1.6384", "3.2768", "1.3107", "2.6844"},
        {"0.9830", "1.9660", "0.7864", "1.3107", "2.6214", "1.0486", "1.7179"},
        {"0.7864", "1.5728", "0.6291", "1.0486", "2.0972", "0.8389", "1.0995"},
        {"0.6291", "1.2582", "0.5033", "0.8389", "1.6778", "0.6711", "0.7140"},
        {"0.5033", "1.0066", "0.4027", "0.6711", "1.3422", "0.5369", "0.3579"},
        {"0.4027", "0.8054", "0.3222", "0.5369", "1.0738", "0.4295", "0.2294"},
    };

    private static final String[] COLUMNS = {"x_old", "df/dx", "x_new", "y_old", "df/dy",
        "y_new", "f(x_new,y_new)"};

    /** The seed's slips, by row (1-based) and column. */
    private static String slip(int row, int col) {
        String rounded = "computed from the already-rounded value in the row above";
        String noSlip = "the column must shrink by 0.64 per row (f = 25*0.64^n); no simple slip "
                + "explains the printed value";
        return switch (row * 10 + col) {
            case 61 -> rounded + " (2*0.9830)";
            case 66 -> "truncated instead of rounded (1.71799)";
            case 71 -> rounded + " (2*0.7864)";
            case 81 -> rounded + " (2*0.6291)";
            case 84 -> rounded + " (2*0.8389)";
            case 86, 96, 106 -> noSlip;
            case 101 -> rounded + " (2*0.4027)";
            case 102 -> rounded + " (0.4027 - 0.1*0.8054 = 0.32216)";
            case 104 -> rounded + " (2*0.5369)";
            default -> null;
        };
    }

    @Override
    public String name() {
        return "seed001-gradient-descent";
    }

    @Override
    public String title() {
        return "seed 001: gradient descent on f(x,y) = x^2 + y^2 from (3,4), rate 0.1";
    }

    @Override
    public void run(Report r) {
        Optimizer sgd = Mlp.standard().registry().optimizer("sgd(lr=0.1)");
        OptimizerState state = sgd.start(new ParameterLayout(
                List.of(new ParameterLayout.Block(1, ParameterLayout.Kind.WEIGHTS, 2))));
        double[][] p = {{3.0, 4.0}};
        double[][] g = new double[1][2];
        r.section("start");
        r.check("x", "3.0000", p[0][0]);
        r.check("y", "4.0000", p[0][1]);
        r.check("f(3, 4)", "25.0000", f(p[0]));
        for (int row = 1; row <= TABLE.length; row++) {
            r.section("row " + row);
            double xOld = p[0][0];
            double yOld = p[0][1];
            g[0][0] = 2 * xOld;
            g[0][1] = 2 * yOld;
            state.update(p, g);
            double[] computed = {xOld, g[0][0], p[0][0], yOld, g[0][1], p[0][1], f(p[0])};
            for (int col = 0; col < COLUMNS.length; col++) {
                String why = slip(row, col);
                if (why == null) {
                    r.check(COLUMNS[col], TABLE[row - 1][col], computed[col]);
                } else {
                    r.erratum(COLUMNS[col], TABLE[row - 1][col], computed[col], why);
                }
            }
        }
        r.value("optimizer steps taken", state.steps());
    }

    private static double f(double[] v) {
        return v[0] * v[0] + v[1] * v[1];
    }
}
