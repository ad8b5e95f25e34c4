package dev.mlp.core.io;

import dev.mlp.core.MultiLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the optional {@code labels} section of a model file, which holds the
 * {@link MultiLabel} labels and decision thresholds of a multi-label model. Other models get no
 * section, so their files are what they were before the section existed; readers that do not
 * know the section skip it.
 *
 * <p>Layout (big-endian, strings as length-prefixed UTF-8): {@code u32} section layout version
 * (1); {@code u32} label count, then per label its name and its threshold as {@code f64}; the
 * separator of the labels in one text column ({@code ""} when each label is a column).
 */
final class LabelsSection {

    static final String NAME = "labels";
    private static final int LAYOUT = 1;

    private LabelsSection() {
    }

    /** Adds the section if the model is multi-label. */
    static void write(Container.Writer w, MultiLabel labels) {
        if (labels == null) {
            return;
        }
        Container.Body b = new Container.Body().u32(LAYOUT).u32(labels.size());
        double[] t = labels.thresholds();
        for (int j = 0; j < t.length; j++) {
            b.string(labels.labels().get(j)).f64(t[j]);
        }
        b.string(labels.separator());
        w.section(NAME, b);
    }

    /** @return the recorded labels, or {@code null} if the file has none */
    static MultiLabel read(Map<String, Container.Section> sections) throws FileFormatException {
        Container.Section s = sections.get(NAME);
        if (s == null) {
            return null;
        }
        int layout = s.u32();
        if (layout != LAYOUT) {
            throw s.malformed("labels layout " + layout + " is not " + LAYOUT
                    + "; the file comes from a newer version of the framework");
        }
        int n = s.count(12);
        List<String> names = new ArrayList<>(n);
        double[] thresholds = new double[n];
        for (int j = 0; j < n; j++) {
            names.add(s.string());
            thresholds[j] = s.f64();
        }
        String separator = s.string();
        s.end();
        try {
            return MultiLabel.of(names).withThresholds(thresholds).withSeparator(separator);
        } catch (IllegalArgumentException e) {
            throw s.malformed(e.getMessage());
        }
    }
}
