package dev.mlp.core.io;

import dev.mlp.api.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the optional {@code preprocessing} section of a model file, which holds an
 * {@link InputPreprocessing}. A model without one gets no section, so its file is what it was
 * before the section existed; readers that do not know the section skip it.
 *
 * <p>Layout (big-endian, strings as length-prefixed UTF-8): {@code u32} section layout version
 * (1); {@code u32} marker count, then the markers; {@code u32} column count, then per column:
 * name, {@code u8} categorical, encoder spec, {@code u32} category count and the categories,
 * the encoder's numbers as {@code u32} count and {@code f64}s, imputation spec, {@code f64}
 * fill, fill category, {@code u8} indicator.
 */
final class PreprocessingSection {

    static final String NAME = "preprocessing";
    private static final int LAYOUT = 1;

    private PreprocessingSection() {
    }

    /** Adds the section if there is preprocessing to record. */
    static void write(Container.Writer w, InputPreprocessing p) {
        if (p == null) {
            return;
        }
        Container.Body b = new Container.Body().u32(LAYOUT).u32(p.missingMarkers().size());
        p.missingMarkers().forEach(b::string);
        b.u32(p.columns().size());
        for (InputPreprocessing.Column c : p.columns()) {
            b.string(c.name()).u8(c.categorical() ? 1 : 0).string(c.encoder());
            List<String> categories = c.state() == null ? List.of() : c.state().categories();
            b.u32(categories.size());
            categories.forEach(b::string);
            b.doubles(c.state() == null ? new double[0] : c.state().values());
            b.string(c.imputation()).f64(c.fill()).string(c.fillCategory())
                    .u8(c.indicator() ? 1 : 0);
        }
        w.section(NAME, b);
    }

    /** @return the recorded preprocessing, or {@code null} if the file has none */
    static InputPreprocessing read(Map<String, Container.Section> sections)
            throws FileFormatException {
        Container.Section s = sections.get(NAME);
        if (s == null) {
            return null;
        }
        int layout = s.u32();
        if (layout != LAYOUT) {
            throw s.malformed("preprocessing layout " + layout + " is not " + LAYOUT
                    + "; the file comes from a newer version of the framework");
        }
        List<String> markers = strings(s);
        int n = s.count(4);
        List<InputPreprocessing.Column> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = s.string();
            boolean categorical = s.u8() != 0;
            String encoder = s.string();
            List<String> categories = strings(s);
            double[] values = s.doubles();
            String imputation = s.string();
            double fill = s.f64();
            String fillCategory = s.string();
            boolean indicator = s.u8() != 0;
            try {
                columns.add(new InputPreprocessing.Column(name, categorical, encoder,
                        categorical ? new Encoder.State(categories, values) : null, imputation,
                        fill, fillCategory, indicator));
            } catch (IllegalArgumentException e) {
                throw s.malformed(e.getMessage());
            }
        }
        s.end();
        return new InputPreprocessing(markers, columns);
    }

    private static List<String> strings(Container.Section s) throws FileFormatException {
        int n = s.count(4);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(s.string());
        }
        return out;
    }
}
