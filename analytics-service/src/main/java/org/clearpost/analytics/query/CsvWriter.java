package org.clearpost.analytics.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows as CSV (RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a line break,
 * quotes doubled). Nested values are flattened so a spreadsheet can use them: an object's fields become columns
 * {@code businessSeconds.p50}, a map's entries {@code metrics.impressions} (the union of keys over all rows, absent ones
 * empty), a list of scalars one cell joined with {@code ;}. A row with exactly one list of objects (a campaign report's
 * {@code rows}) becomes one line per element, its own fields repeated and the element's as {@code rows.reach}; any
 * other list of objects is one cell of JSON (a pre-election report's exemptions and refusals: exploding both would
 * multiply them).
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static String write(List<ObjectNode> rows) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (ObjectNode row : rows) {
            lines.addAll(explode(row));
        }
        Set<String> columns = new LinkedHashSet<>();
        lines.forEach(line -> columns.addAll(line.keySet()));
        StringBuilder csv = new StringBuilder();
        appendLine(csv, new ArrayList<>(columns));
        for (Map<String, String> line : lines) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(line.getOrDefault(column, ""));
            }
            appendLine(csv, cells);
        }
        return csv.toString();
    }

    private static List<Map<String, String>> explode(ObjectNode row) {
        String listField = null;
        int lists = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (isListOfObjects(field.getValue())) {
                lists++;
                listField = field.getKey();
            }
        }
        Map<String, String> base = new LinkedHashMap<>();
        String exploded = lists == 1 ? listField : null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals(exploded)) {
                flatten(field.getKey(), field.getValue(), base);
            }
        }
        if (exploded == null || row.get(exploded).isEmpty()) {
            return List.of(base);
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (JsonNode element : row.get(exploded)) {
            Map<String, String> line = new LinkedHashMap<>(base);
            flatten(exploded, element, line);
            lines.add(line);
        }
        return lines;
    }

    private static boolean isListOfObjects(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static void flatten(String prefix, JsonNode value, Map<String, String> into) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            into.put(prefix, "");
        } else if (value.isObject()) {
            if (value.isEmpty()) {
                into.put(prefix, "");
            }
            value.fields().forEachRemaining(field -> flatten(prefix + "." + field.getKey(), field.getValue(), into));
        } else if (value.isArray()) {
            if (!value.isEmpty() && isListOfObjects(value)) {
                into.put(prefix, value.toString());
            } else {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                into.put(prefix, String.join(";", items));
            }
        } else {
            into.put(prefix, value.asText());
        }
    }

    private static void appendLine(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
