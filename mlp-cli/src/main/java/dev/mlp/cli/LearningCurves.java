package dev.mlp.cli;

import dev.mlp.core.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws learning curves (a value per epoch for each named series) and writes them as PNG or
 * SVG, chosen by the file's extension.
 *
 * <p>Losses and other metrics usually live on different scales, so series go either on the left
 * y axis (losses, solid lines) or on the right one (a metric such as accuracy, dashed lines).
 * Axis ticks fall on round numbers (steps of 1, 2 or 5 times a power of ten), epochs on whole
 * numbers, whatever the number of epochs. The epoch whose weights early stopping kept can be
 * marked. The SVG is plain text: one polyline per series (thinned to about two points per pixel
 * for very long runs) and text as text: some kilobytes, and below 100 KB for any run.
 *
 * <p>Files are written like model files ({@link AtomicFiles}): complete or not at all, with the
 * permissions any new file gets.
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

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
        "#9467bd", "#8c564b"};

    private final String title;
    private final Map<String, double[]> left = new LinkedHashMap<>();
    private final Map<String, double[]> right = new LinkedHashMap<>();
    private String leftTitle = "loss";
    private String rightTitle = "";
    private int bestEpoch;

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
     * @param perEpoch one value per epoch, epoch 1 first; NaN for an epoch without a value
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
     * @param perEpoch one value per epoch, epoch 1 first; NaN for an epoch without a value
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
     * Marks the epoch whose weights were kept (early stopping that restores the best epoch).
     *
     * @param epoch the 1-based epoch; 0 or less for none
     * @return this
     */
    public LearningCurves bestEpoch(int epoch) {
        this.bestEpoch = epoch;
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
        Layout layout = layout();
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        if (format == Format.SVG) {
            String svg = svg(layout);
            AtomicFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write(svg);
                w.flush();
            });
        } else {
            BufferedImage image = png(layout);
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            });
        }
    }

    /** @return the chart as SVG text */
    String svg() {
        return svg(layout());
    }

    // ------------------------------------------------------------------ layout

    /** Where everything goes, in pixels, shared by the SVG and PNG renderings. */
    private record Layout(double x0, double x1, double y0, double y1, Axis x, Axis yLeft,
                          Axis yRight, int epochs) {

        double px(double epoch) {
            return x0 + (epoch - x.lo()) / (x.hi() - x.lo()) * (x1 - x0);
        }

        double py(Axis a, double v) {
            return y1 - (v - a.lo()) / (a.hi() - a.lo()) * (y1 - y0);
        }
    }

    /**
     * An axis from {@code lo} to {@code hi} with ticks every {@code step}, labelled with
     * {@code decimals} digits after the point.
     */
    record Axis(double lo, double hi, double step, int decimals) {

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            long first = (long) Math.ceil(lo / step - 1e-9);
            for (long k = first; k * step <= hi + step * 1e-9; k++) {
                t.add(k * step);
            }
            return t;
        }

        String label(double v) {
            return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step * 1e-9
                    ? 0.0 : v);
        }
    }

    /**
     * A round step near {@code span / target}: 1, 2 or 5 times a power of ten.
     *
     * @param span the range to cover, positive
     * @param target about how many steps
     * @return the step
     */
    static double niceStep(double span, int target) {
        double raw = span / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double nice = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
        return nice * mag;
    }

    /** An axis covering the finite values given, widened to whole steps. */
    static Axis valueAxis(double min, double max) {
        if (!(min <= max)) {
            return new Axis(0, 1, 0.2, 1);
        }
        if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
            double pad = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 1;
            min -= pad;
            max += pad;
        }
        double step = niceStep(max - min, 6);
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return new Axis(lo, hi, step, decimals);
    }

    /** The epoch axis from 0 to the last epoch, ticks on whole epochs. */
    static Axis epochAxis(int epochs) {
        int n = Math.max(1, epochs);
        double step = Math.max(1, niceStep(n, 8));
        double hi = Math.ceil(n / step - 1e-9) * step;
        return new Axis(0, hi, step, 0);
    }

    private Layout layout() {
        if (left.values().stream().allMatch(v -> v.length == 0)
                && right.values().stream().allMatch(v -> v.length == 0)) {
            throw new IllegalArgumentException("no learning curves to draw");
        }
        int epochs = 0;
        for (double[] v : left.values()) {
            epochs = Math.max(epochs, v.length);
        }
        for (double[] v : right.values()) {
            epochs = Math.max(epochs, v.length);
        }
        boolean twoAxes = right.values().stream().anyMatch(v -> v.length > 0);
        return new Layout(80, twoAxes ? WIDTH - 80 : WIDTH - 30, 50, HEIGHT - 110,
                epochAxis(epochs), axisOf(left), twoAxes ? axisOf(right) : null, epochs);
    }

    private static Axis axisOf(Map<String, double[]> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] v : series.values()) {
            for (double d : v) {
                if (Double.isFinite(d)) {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
        }
        return valueAxis(min, max);
    }

    /** One drawn series: its name, axis, style and its points as runs of finite values. */
    private record Line(String name, Axis axis, String colour, boolean dashed,
                        List<double[]> runs) {
    }

    private List<Line> lines(Layout l) {
        List<Line> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, double[]> e : left.entrySet()) {
            out.add(new Line(e.getKey(), l.yLeft(), COLOURS[i++ % COLOURS.length], false,
                    runs(l, l.yLeft(), e.getValue())));
        }
        i = 0;
        for (Map.Entry<String, double[]> e : right.entrySet()) {
            if (l.yRight() != null) {
                out.add(new Line(e.getKey(), l.yRight(), COLOURS[i++ % COLOURS.length], true,
                        runs(l, l.yRight(), e.getValue())));
            }
        }
        return out;
    }

    /**
     * The pixel coordinates {@code x0, y0, x1, y1, ...} of each run of finite values; with more
     * than two values per pixel column, only each column's lowest and highest are kept (in
     * their order), which draws the same picture.
     */
    private static List<double[]> runs(Layout l, Axis axis, double[] v) {
        List<double[]> runs = new ArrayList<>();
        double width = l.x1() - l.x0();
        boolean thin = v.length > 2 * width;
        double[] buf = new double[2 * v.length];
        int n = 0;
        int column = Integer.MIN_VALUE;
        int first = -1;
        int lo = -1;
        int hi = -1;
        for (int e = 0; e <= v.length; e++) {
            boolean finite = e < v.length && Double.isFinite(v[e]);
            int c = finite ? (int) Math.floor(l.px(e + 1)) : Integer.MIN_VALUE;
            if (thin && first >= 0 && (!finite || c != column)) {
                buf[n++] = column;
                buf[n++] = l.py(axis, v[Math.min(lo, hi)]);
                if (lo != hi) {
                    buf[n++] = column;
                    buf[n++] = l.py(axis, v[Math.max(lo, hi)]);
                }
                first = -1;
            }
            if (!finite) {
                if (n > 0) {
                    runs.add(java.util.Arrays.copyOf(buf, n));
                    n = 0;
                }
                continue;
            }
            if (thin) {
                if (first < 0) {
                    column = c;
                    first = e;
                    lo = e;
                    hi = e;
                }
                if (v[e] < v[lo]) {
                    lo = e;
                }
                if (v[e] > v[hi]) {
                    hi = e;
                }
            } else {
                buf[n++] = l.px(e + 1);
                buf[n++] = l.py(axis, v[e]);
            }
        }
        return runs;
    }

    // ------------------------------------------------------------------ drawing

    /** What both renderings can do. */
    private interface Canvas {
        void polyline(double[] xy, String colour, double width, boolean dashed);

        /** @param anchor -1 left, 0 centre, 1 right */
        void text(double x, double y, String s, int anchor, int size, boolean bold,
                  boolean vertical);
    }

    private void draw(Layout l, Canvas c) {
        c.text(WIDTH / 2.0, 28, title, 0, 16, true, false);
        // grid and ticks
        for (double t : l.x().ticks()) {
            double x = l.px(t);
            c.polyline(new double[] {x, l.y0(), x, l.y1()}, "#e6e6e6", 1, false);
            c.text(x, l.y1() + 20, l.x().label(t), 0, 12, false, false);
        }
        for (double t : l.yLeft().ticks()) {
            double y = l.py(l.yLeft(), t);
            c.polyline(new double[] {l.x0(), y, l.x1(), y}, "#e6e6e6", 1, false);
            c.text(l.x0() - 8, y + 4, l.yLeft().label(t), 1, 12, false, false);
        }
        if (l.yRight() != null) {
            for (double t : l.yRight().ticks()) {
                c.text(l.x1() + 8, l.py(l.yRight(), t) + 4, l.yRight().label(t), -1, 12, false,
                        false);
            }
        }
        c.polyline(new double[] {l.x0(), l.y0(), l.x0(), l.y1(), l.x1(), l.y1(), l.x1(),
            l.y0(), l.x0(), l.y0()}, "#000000", 1, false);
        c.text((l.x0() + l.x1()) / 2, l.y1() + 42, "epoch", 0, 13, true, false);
        c.text(22, (l.y0() + l.y1()) / 2, leftTitle, 0, 13, true, true);
        if (l.yRight() != null) {
            c.text(WIDTH - 18, (l.y0() + l.y1()) / 2, rightTitle, 0, 13, true, true);
        }
        if (bestEpoch > 0 && bestEpoch <= l.epochs()) {
            double x = l.px(bestEpoch);
            c.polyline(new double[] {x, l.y0(), x, l.y1()}, "#555555", 1.5, true);
            c.text(x + (x > (l.x0() + l.x1()) / 2 ? -6 : 6), l.y0() + 16,
                    "epoch " + bestEpoch + ": weights kept",
                    x > (l.x0() + l.x1()) / 2 ? 1 : -1, 12, false, false);
        }
        List<Line> lines = lines(l);
        for (Line line : lines) {
            for (double[] run : line.runs()) {
                if (run.length == 2) {
                    // a single value between gaps: a short tick so it shows
                    c.polyline(new double[] {run[0] - 2, run[1], run[0] + 2, run[1]},
                            line.colour(), 2, false);
                } else {
                    c.polyline(run, line.colour(), 2, line.dashed());
                }
            }
        }
        // legend: one row under the epoch axis
        double total = 0;
        for (Line line : lines) {
            total += 40 + 7.2 * line.name().length() + 24;
        }
        double x = Math.max(10, (WIDTH - total) / 2);
        double y = HEIGHT - 28;
        for (Line line : lines) {
            c.polyline(new double[] {x, y - 4, x + 32, y - 4}, line.colour(), 2, line.dashed());
            c.text(x + 40, y, line.name(), -1, 12, false, false);
            x += 40 + 7.2 * line.name().length() + 24;
        }
    }

    private String svg(Layout l) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        draw(l, new Canvas() {
            @Override
            public void polyline(double[] xy, String colour, double width, boolean dashed) {
                sb.append("<polyline fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"").append(num(width)).append('"');
                if (dashed) {
                    sb.append(" stroke-dasharray=\"7 4\"");
                }
                sb.append(" points=\"");
                for (int i = 0; i < xy.length; i += 2) {
                    sb.append(i == 0 ? "" : " ").append(num(xy[i])).append(',')
                            .append(num(xy[i + 1]));
                }
                sb.append("\"/>\n");
            }

            @Override
            public void text(double x, double y, String s, int anchor, int size, boolean bold,
                             boolean vertical) {
                sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                        .append("\" font-size=\"").append(size).append('"');
                if (anchor != -1) {
                    sb.append(" text-anchor=\"").append(anchor == 0 ? "middle" : "end")
                            .append('"');
                }
                if (bold) {
                    sb.append(" font-weight=\"bold\"");
                }
                if (vertical) {
                    sb.append(" transform=\"rotate(-90 ").append(num(x)).append(' ')
                            .append(num(y)).append(")\"");
                }
                sb.append('>').append(escape(s)).append("</text>\n");
            }
        });
        return sb.append("</svg>\n").toString();
    }

    private BufferedImage png(Layout l) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                    RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL,
                    RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(l, new Canvas() {
                @Override
                public void polyline(double[] xy, String colour, double width,
                                     boolean dashed) {
                    Path2D.Double p = new Path2D.Double();
                    p.moveTo(xy[0], xy[1]);
                    for (int i = 2; i < xy.length; i += 2) {
                        p.lineTo(xy[i], xy[i + 1]);
                    }
                    g.setColor(Color.decode(colour));
                    g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f)
                            : new BasicStroke((float) width, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_ROUND));
                    g.draw(p);
                }

                @Override
                public void text(double x, double y, String s, int anchor, int size,
                                 boolean bold, boolean vertical) {
                    g.setColor(Color.BLACK);
                    g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
                    double w = g.getFontMetrics().stringWidth(s);
                    double shift = anchor == -1 ? 0 : anchor == 0 ? -w / 2 : -w;
                    if (vertical) {
                        AffineTransform saved = g.getTransform();
                        g.rotate(-Math.PI / 2, x, y);
                        g.drawString(s, (float) (x + shift), (float) y);
                        g.setTransform(saved);
                    } else {
                        g.drawString(s, (float) (x + shift), (float) y);
                    }
                }
            });
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A coordinate to one decimal, without a trailing {@code .0}. */
    private static String num(double v) {
        long r = Math.round(v * 10);
        String sign = r < 0 ? "-" : "";
        r = Math.abs(r);
        return sign + (r % 10 == 0 ? Long.toString(r / 10) : (r / 10) + "." + (r % 10));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
