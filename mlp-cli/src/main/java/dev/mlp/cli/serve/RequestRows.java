package dev.mlp.cli.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a request body into rows of features in the model's column order, or refuses it with a
 * 400 (the body is not JSON or CSV) or a 422 (it is, but its rows do not fit the model) naming the
 * row and column.
 */
final class RequestRows {

    /** 400: the body cannot be parsed. */
    static final int MALFORMED = 400;
    /** 422: the body parses but does not fit the model. */
    static final int UNFIT = 422;

    /** Strict JSON: duplicate keys and trailing tokens are errors, NaN is not a number. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestRows() {
    }

    /** Parses {@code {"rows": [...]}} and returns the array of rows. */
    static JsonNode rowsNode(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(MALFORMED, "malformed JSON: " + e.getOriginalMessage()
                    + location(e));
        } catch (IOException e) {
            throw new ApiException(MALFORMED, "malformed JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ApiException(MALFORMED, "empty body: send {\"rows\": [...]}");
        }
        if (!root.isObject()) {
            throw new ApiException(UNFIT, "the body must be an object {\"rows\": [...]}, found "
                    + kind(root));
        }
        Iterator<String> fields = root.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!f.equals("rows")) {
                throw new ApiException(UNFIT, "unknown field '" + f + "': a request has only "
                        + "\"rows\"");
            }
        }
        JsonNode rows = root.get("rows");
        if (rows == null || !rows.isArray()) {
            throw new ApiException(UNFIT, "\"rows\" must be an array of rows, found "
                    + (rows == null ? "nothing" : kind(rows)));
        }
        return rows;
    }

    /**
     * Reads {@code {"rows": [...]}}, the rows either objects keyed by feature name or arrays of
     * numbers in the model's column order.
     */
    static double[][] fromJson(byte[] body, ServedModel m) {
        JsonNode rows = rowsNode(body);
        List<String> names = m.featureNames();
        Map<String, Integer> index = columnIndex(names);
        double[][] x = new double[rows.size()][];
        for (int r = 0; r < x.length; r++) {
            JsonNode row = rows.get(r);
            double[] v = new double[m.inputs()];
            if (row.isArray()) {
                if (row.size() != v.length) {
                    throw new ApiException(UNFIT, "row " + r + " has " + row.size()
                            + " values, but the model takes " + v.length
                            + (names.isEmpty() ? "" : ": " + String.join(", ", names)));
                }
                for (int c = 0; c < v.length; c++) {
                    v[c] = number(row.get(c), r, names.isEmpty() ? "column " + c
                            : "column '" + names.get(c) + "'");
                }
            } else if (row.isObject()) {
                if (names.isEmpty()) {
                    throw new ApiException(UNFIT, "row " + r + ": the model records no feature "
                            + "names; send each row as an array of " + v.length + " numbers");
                }
                boolean[] seen = new boolean[v.length];
                Iterator<Map.Entry<String, JsonNode>> cells = row.fields();
                while (cells.hasNext()) {
                    Map.Entry<String, JsonNode> cell = cells.next();
                    Integer c = index.get(cell.getKey());
                    if (c == null) {
                        throw new ApiException(UNFIT, "row " + r + ": unknown column '"
                                + cell.getKey() + "'" + columns(names));
                    }
                    v[c] = number(cell.getValue(), r, "column '" + cell.getKey() + "'");
                    seen[c] = true;
                }
                for (int c = 0; c < v.length; c++) {
                    if (!seen[c]) {
                        throw new ApiException(UNFIT, "row " + r + ": missing column '"
                                + names.get(c) + "'" + columns(names));
                    }
                }
            } else {
                throw new ApiException(UNFIT, "row " + r + " must be an object of feature "
                        + "values or an array of numbers, found " + kind(row));
            }
            x[r] = v;
        }
        return x;
    }

    /**
     * Reads CSV with a header row naming the model's feature columns (in any order, each exactly
     * once), comma-separated, fields optionally in double quotes.
     */
    static double[][] fromCsv(byte[] body, ServedModel m) {
        return fromCsv(body, m, null);
    }

    /**
     * Like {@link #fromCsv(byte[], ServedModel)}, and adds to {@code written} (unless it is
     * {@code null}) each row's cells as the request writes them, in the model's column order,
     * joined by commas, as {@code mlp predict} repeats its input.
     */
    static double[][] fromCsv(byte[] body, ServedModel m, List<String> written) {
        String text = text(body);
        List<List<String>> lines = parseCsv(text);
        if (lines.isEmpty()) {
            throw new ApiException(MALFORMED, "empty CSV body: send a header row of feature "
                    + "names and one line per row");
        }
        List<String> names = m.featureNames();
        if (names.isEmpty()) {
            throw new ApiException(UNFIT, "the model records no feature names, so CSV headers "
                    + "cannot be matched; send JSON rows as arrays of " + m.inputs()
                    + " numbers");
        }
        Map<String, Integer> index = columnIndex(names);
        List<String> header = lines.get(0);
        int[] target = new int[header.size()];
        boolean[] seen = new boolean[names.size()];
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            Integer c = index.get(h);
            if (c == null) {
                throw new ApiException(UNFIT, "CSV header: unknown column '" + h + "'"
                        + columns(names));
            }
            if (seen[c]) {
                throw new ApiException(UNFIT, "CSV header: column '" + h + "' appears twice");
            }
            seen[c] = true;
            target[i] = c;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new ApiException(UNFIT, "CSV header: missing column '" + names.get(c) + "'"
                        + columns(names));
            }
        }
        double[][] x = new double[lines.size() - 1][];
        for (int r = 0; r < x.length; r++) {
            List<String> fields = lines.get(r + 1);
            int lineNo = r + 2;
            if (fields.size() != header.size()) {
                throw new ApiException(MALFORMED, "CSV line " + lineNo + " has " + fields.size()
                        + " fields, the header has " + header.size());
            }
            double[] v = new double[names.size()];
            String[] cells = new String[names.size()];
            for (int i = 0; i < fields.size(); i++) {
                String s = fields.get(i).strip();
                cells[target[i]] = dev.mlp.data.CsvReader.quoteCell(s);
                String where = "CSV line " + lineNo + ", column '" + names.get(target[i]) + "'";
                double d;
                try {
                    d = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new ApiException(UNFIT, where + ": '" + s + "' is not a number");
                }
                if (!Double.isFinite(d)) {
                    throw new ApiException(UNFIT, where + ": " + s + " is not a finite number");
                }
                v[target[i]] = d;
            }
            x[r] = v;
            if (written != null) {
                written.add(String.join(",", cells));
            }
        }
        return x;
    }

    /** A CSV body as text, refused (400) unless it is UTF-8. */
    static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(MALFORMED, "the CSV body is not UTF-8 text");
        }
    }

    /** Splits CSV text into lines of fields; blank lines are skipped. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int n = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                any = true;
                field.setLength(0);
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.toString().isBlank()) {
                    fields.add(field.toString());
                    lines.add(fields);
                    fields = new ArrayList<>();
                }
                field.setLength(0);
                any = false;
                line++;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new ApiException(MALFORMED, "CSV: a quoted field opened on or before line "
                    + line + " is never closed");
        }
        if (any || !field.toString().isBlank()) {
            fields.add(field.toString());
            lines.add(fields);
        }
        return lines;
    }

    private static double number(JsonNode v, int row, String column) {
        if (v == null || !v.isNumber()) {
            throw new ApiException(UNFIT, "row " + row + ", " + column + ": expected a number, "
                    + "found " + (v == null ? "nothing" : kind(v)));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new ApiException(UNFIT, "row " + row + ", " + column + ": " + v.asText()
                    + " is not a finite number");
        }
        return d;
    }

    private static Map<String, Integer> columnIndex(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            index.put(names.get(c), c);
        }
        return index;
    }

    private static String columns(List<String> names) {
        return names.isEmpty() ? "" : "; the model takes " + String.join(", ", names);
    }

    private static String location(JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column "
                + loc.getColumnNr() + ")";
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) {
            String s = n.asText();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> n.asText();
            case NULL -> "null";
            case NUMBER -> "the number " + n.asText();
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
