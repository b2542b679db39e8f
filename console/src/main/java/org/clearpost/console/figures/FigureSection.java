package org.clearpost.console.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One section of the figures page: its chart (with the table of its numbers) and CSV link, or why analytics gave
 * none (a range longer than the figure is kept, say), so one refused figure does not take the others with it.
 *
 * @param rows the figure's rows as analytics gave them (a second table may be made from them)
 */
public record FigureSection(String id, String title, Chart chart, String problem, String csvLink,
        List<JsonNode> rows) {
}
