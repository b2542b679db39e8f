package org.clearpost.console.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart of the figures page and the same numbers as a table (the table is the accessible version; the chart is
 * drawn from exactly these numbers): one label per row (a day, a route), one series per column (a network, a
 * percentile).
 *
 * @param type        Chart.js chart type ({@code bar}, {@code line})
 * @param labelHeading the table's first column ("Day", "Route")
 * @param unit        what the numbers count ("posts", "business hours"), for the axis and the description
 * @param stacked     whether the bars stack (parts of one total) or stand side by side
 * @param totals      whether the table has a Total column (counts do; percentiles do not add up)
 */
public record Chart(String id, String title, String type, String labelHeading, String unit, boolean stacked,
        boolean totals, List<String> labels, List<Series> series) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Chart {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != labels.size()) {
                throw new IllegalArgumentException(s.name() + " has " + s.values().size() + " values for "
                        + labels.size() + " labels");
            }
        }
    }

    /** One line or set of bars: its name and one value per label. */
    public record Series(String name, List<Double> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /** One table row: the label, the values as shown, and their total when the table has one. */
    public record Row(String label, List<String> cells, String total) {
    }

    public boolean isEmpty() {
        return series.isEmpty() || labels.isEmpty();
    }

    public List<Row> getRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> cells = new ArrayList<>();
            double total = 0;
            for (Series s : series) {
                cells.add(shown(s.values().get(i)));
                total += s.values().get(i);
            }
            rows.add(new Row(labels.get(i), cells, totals ? shown(total) : null));
        }
        return rows;
    }

    /** The total of every value: what the page's description of the chart says. */
    public double getGrandTotal() {
        return series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).sum();
    }

    public String getGrandTotalShown() {
        return shown(getGrandTotal());
    }

    /**
     * What {@code figures.js} hands Chart.js: {@code {type, unit, stacked, counts, labels, series: [{name, values}]}}
     * ({@code counts}: whole numbers only on the axis).
     */
    public String getJson() {
        ObjectNode out = JSON.createObjectNode();
        out.put("type", type);
        out.put("unit", unit);
        out.put("stacked", stacked);
        out.put("counts", totals);
        ArrayNode ls = out.putArray("labels");
        labels.forEach(ls::add);
        ArrayNode ss = out.putArray("series");
        for (Series s : series) {
            ObjectNode node = ss.addObject();
            node.put("name", s.name());
            ArrayNode vs = node.putArray("values");
            s.values().forEach(vs::add);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole numbers as they are, others to one decimal place: "12", "3.5". */
    static String shown(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.UK, "%,d", (long) value);
        }
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
