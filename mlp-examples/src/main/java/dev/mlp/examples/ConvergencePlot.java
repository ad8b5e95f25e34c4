package dev.mlp.examples;

import dev.mlp.core.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The seeds' convergence pictures, drawn with XChart as one PNG: on the left the network's
 * outputs against the iterations with their targets as dashed lines, on the right the error
 * {@code J} against the iterations.
 */
final class ConvergencePlot {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 450;
    /** An output and its target share a colour. */
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189)};

    private ConvergencePlot() {
    }

    /**
     * @param file the PNG to write
     * @param title the picture's title
     * @param outputs {@code outputs[j][n]}: output {@code j} after {@code n} iterations
     * @param targets one target per output, or {@code null} to draw none
     * @param error the error after {@code n} iterations, starting at {@code n = 0}
     * @param errorName what the error is called, for example {@code "J = ½‖y − y*‖²"}
     */
    static void write(Path file, String title, double[][] outputs, double[] targets,
                      double[] error, String errorName) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart out = chart(title + ": output", "output y");
        for (int j = 0; j < outputs.length; j++) {
            String name = outputs.length == 1 ? "y" : "y" + (j + 1);
            Color colour = PALETTE[j % PALETTE.length];
            XYSeries s = out.addSeries(name, iterations(outputs[j].length), outputs[j]);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            if (targets != null) {
                double[] flat = new double[outputs[j].length];
                java.util.Arrays.fill(flat, targets[j]);
                XYSeries t = out.addSeries(name + "* = " + Report.repr(targets[j]),
                        iterations(flat.length), flat);
                t.setMarker(SeriesMarkers.NONE);
                t.setLineStyle(SeriesLines.DASH_DASH);
                t.setLineColor(colour);
            }
        }
        XYChart err = chart(title + ": error", errorName);
        XYSeries e = err.addSeries(errorName, iterations(error.length), error);
        e.setMarker(SeriesMarkers.CIRCLE);
        side(file, out, err);
    }

    /**
     * @param file the PNG to write
     * @param title the picture's title
     * @param predictions the trained network's prediction for each sample
     * @param targets each sample's target
     * @param loss the mean loss of each epoch, epoch 1 first
     */
    static void writeSamples(Path file, String title, double[] predictions, double[] targets,
                             double[] loss) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart fit = chart(title + ": samples", "y");
        fit.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        fit.getStyler().setMarkerSize(9);
        double[] index = new double[targets.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i + 1;
        }
        XYSeries t = fit.addSeries("target", index, targets);
        t.setMarkerColor(new Color(31, 119, 180));
        XYSeries p = fit.addSeries("prediction", index, predictions);
        p.setMarkerColor(new Color(214, 39, 40));
        XYChart err = chart(title + ": mean loss", "mean loss");
        err.setXAxisTitle("epoch");
        double[] epochs = new double[loss.length];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        err.addSeries("mean loss", epochs, loss).setMarker(SeriesMarkers.NONE);
        fit.setXAxisTitle("sample");
        side(file, fit, err);
    }

    private static void side(Path file, XYChart leftChart, XYChart rightChart)
            throws IOException {
        BufferedImage left = BitmapEncoder.getBufferedImage(leftChart);
        BufferedImage right = BitmapEncoder.getBufferedImage(rightChart);
        BufferedImage both = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, both.getWidth(), both.getHeight());
            g.drawImage(left, 0, 0, null);
            g.drawImage(right, WIDTH, 0, null);
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, o -> {
            if (!ImageIO.write(both, "png", o)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("iteration").yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        c.getStyler().setMarkerSize(5);
        c.getStyler().setXAxisDecimalPattern("#");
        c.getStyler().setYAxisDecimalPattern("0.####");
        return c;
    }

    private static double[] iterations(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    /** @return the error {@code ½‖y − y*‖²} of every recorded output */
    static double[] halfSquaredError(List<double[]> outputs, double[] target) {
        double[] j = new double[outputs.size()];
        for (int n = 0; n < j.length; n++) {
            double s = 0;
            double[] y = outputs.get(n);
            for (int k = 0; k < y.length; k++) {
                s += 0.5 * (y[k] - target[k]) * (y[k] - target[k]);
            }
            j[n] = s;
        }
        return j;
    }
}
