package dev.mlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws learning curves (a value per epoch for each named series) with XChart and writes them as
 * PNG or SVG, chosen by the file's extension.
 *
 * <p>Losses and other metrics usually live on different scales, so series go either on the left
 * y axis (losses) or on the right one (a metric such as accuracy).
 */
public final class LearningCurves {

    /** The image formats a chart can be written in. */
    public enum Format {
        /** A bitmap, 1000 x 600 pixels. */
        PNG,
        /** A vector image. */
        SVG;

        /**
         * @param file the output file
         * @return the format its extension names
         * @throws IllegalArgumentException if the extension is neither {@code .png} nor
         *                                  {@code .svg}
         */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".svg")) {
                return SVG;
            }
            throw new IllegalArgumentException("chart file '" + file
                    + "' must end in .png or .svg");
        }
    }

    private final String title;
    private final Map<String, double[]> left = new LinkedHashMap<>();
    private final Map<String, double[]> right = new LinkedHashMap<>();
    private String leftTitle = "loss";
    private String rightTitle = "";

    /**
     * @param title the chart's title
     */
    public LearningCurves(String title) {
        this.title = title;
    }

    /**
     * Adds a series plotted against the left y axis.
     *
     * @param name the legend entry, for example {@code "training loss"}
     * @param perEpoch one value per epoch, epoch 1 first
     * @return this
     */
    public LearningCurves left(String name, double[] perEpoch) {
        left.put(name, perEpoch.clone());
        return this;
    }

    /**
     * Adds a series plotted against the right y axis (for a metric on another scale).
     *
     * @param name the legend entry, for example {@code "validation accuracy"}
     * @param perEpoch one value per epoch, epoch 1 first
     * @return this
     */
    public LearningCurves right(String name, double[] perEpoch) {
        right.put(name, perEpoch.clone());
        return this;
    }

    /**
     * @param leftAxis the left y axis title
     * @param rightAxis the right y axis title
     * @return this
     */
    public LearningCurves axes(String leftAxis, String rightAxis) {
        this.leftTitle = leftAxis;
        this.rightTitle = rightAxis;
        return this;
    }

    /**
     * Writes the chart; the file is written to a temporary file first and moved into place, so
     * a failure never leaves a partial image.
     *
     * @param file a {@code .png} or {@code .svg} path
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the extension is not supported or there is nothing to
     *                                  draw
     */
    public void write(Path file) throws IOException {
        Format format = Format.of(file);
        XYChart chart = chart();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String suffix = format == Format.PNG ? ".png" : ".svg";
        Path tmp = Files.createTempFile(dir, ".curves-", suffix);
        try {
            String base = tmp.toString().substring(0, tmp.toString().length() - suffix.length());
            if (format == Format.PNG) {
                BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
            } else {
                VectorGraphicsEncoder.saveVectorGraphic(chart, base,
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    XYChart chart() {
        if (left.isEmpty() && right.isEmpty()) {
            throw new IllegalArgumentException("no learning curves to draw");
        }
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1000).height(600).title(title)
                .xAxisTitle("epoch").yAxisTitle(leftTitle).build();
        chart.getStyler().setMarkerSize(0);
        add(chart, left, 0);
        if (!right.isEmpty()) {
            chart.getStyler().setYAxisGroupPosition(1,
                    org.knowm.xchart.style.Styler.YAxisPosition.Right);
            chart.setYAxisGroupTitle(1, rightTitle);
            add(chart, right, 1);
        }
        chart.setYAxisGroupTitle(0, leftTitle);
        return chart;
    }

    private static void add(XYChart chart, Map<String, double[]> series, int group) {
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            if (y.length == 0) {
                continue;
            }
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            var s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setYAxisGroup(group);
        }
    }
}
