package org.clearpost.console.preview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.clearpost.console.web.Words;

/**
 * One target as its network will show it, for the compose screen's live preview and the clearer's case view alike
 * ({@code {#networkPreview target=... /}}): the rendered texts from drafting's own assessment, the counter, and each
 * problem and warning placed at its position in the text. Nothing here re-checks a rule: it only lays out what
 * drafting said.
 *
 * @param index the target's position in the post ({@code targets[index]} in drafting's field paths)
 * @param counter null when drafting gave none for this network
 */
public record TargetPreview(int index, String network, String account, String text, List<String> threadParts,
        String title, String firstComment, List<MediaPreview> media, Counter counter, List<Issue> issues,
        String status, String url) {

    public TargetPreview {
        threadParts = threadParts == null ? List.of() : List.copyOf(threadParts);
        media = media == null ? List.of() : List.copyOf(media);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    /** A picture, video or sound as the network will carry it; {@code url} is fetchable by the browser. */
    public record MediaPreview(String url, String type, String altText) {
        public boolean isImage() {
            return type != null && type.startsWith("image/");
        }

        public boolean isVideo() {
            return type != null && type.startsWith("video/");
        }
    }

    /** The network's own count of the text (X's weighted characters, say) against its limit. */
    public record Counter(int used, int limit, String unit) {
        public boolean isOver() {
            return used > limit;
        }

        public int getRemaining() {
            return limit - used;
        }

        public int getExcess() {
            return used - limit;
        }
    }

    /**
     * One of drafting's findings: {@code field} a path such as {@code targets[0].text} or
     * {@code targets[0].threadParts[1]}; {@code start}/{@code end} UTF-16 indexes into that field's rendered text.
     */
    public record Issue(String field, String code, String severity, Integer start, Integer end, String message) {
        public boolean isError() {
            return "ERROR".equals(severity);
        }

        public boolean isWarning() {
            return "WARNING".equals(severity);
        }

        public String getCssClass() {
            return "app-issue--" + severity.toLowerCase(Locale.ROOT);
        }
    }

    /** A run of text, marked when an issue covers it. */
    public record Segment(String text, Issue issue, int issueNumber) {
        public boolean isMarked() {
            return issue != null;
        }
    }

    /** The network's name as people write it. */
    public String getNetworkName() {
        return Words.network(network);
    }

    /** An id for this target's preview card, e.g. {@code preview-x-clearpost_demo}. */
    public String getId() {
        return "preview-" + network.toLowerCase(Locale.ROOT) + "-" + account.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public String textField() {
        return "targets[" + index + "].text";
    }

    public String threadField(int part) {
        return "targets[" + index + "].threadParts[" + part + "]";
    }

    /** How a thread part is numbered for people: the post itself is part 1. */
    public int partNumber(int threadIndex) {
        return threadIndex + 2;
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(Issue::isError);
    }

    /** Issues numbered as the preview lists them (1-based), so a mark in the text can name its message. */
    public int numberOf(Issue issue) {
        return issues.indexOf(issue) + 1;
    }

    /** The text of {@code field} cut into runs at the issues placed in it (overlaps: the earlier issue wins). */
    public List<Segment> segments(String field, String fieldText) {
        List<Segment> out = new ArrayList<>();
        if (fieldText == null) {
            return out;
        }
        List<Issue> placed = issues.stream()
                .filter(i -> field.equals(i.field()) && i.start() != null && i.end() != null
                        && i.start() < i.end() && i.start() < fieldText.length())
                .sorted(Comparator.comparing(Issue::start)).toList();
        int at = 0;
        for (Issue issue : placed) {
            int start = Math.max(issue.start(), at);
            int end = Math.min(issue.end(), fieldText.length());
            if (start >= end) {
                continue;
            }
            if (start > at) {
                out.add(new Segment(fieldText.substring(at, start), null, 0));
            }
            out.add(new Segment(fieldText.substring(start, end), issue, numberOf(issue)));
            at = end;
        }
        if (at < fieldText.length()) {
            out.add(new Segment(fieldText.substring(at), null, 0));
        }
        return out;
    }
}
