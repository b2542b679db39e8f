package org.clearpost.drafting.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * One item of a feed as a suggestion needs it.
 *
 * @param key what identifies the item within its feed: its guid (RSS) or id (Atom), else its link
 */
record FeedItem(String key, String title, String summary, String link, Instant publishedAt) {

    static List<FeedItem> of(SyndFeed feed) {
        return feed.getEntries().stream().map(FeedItem::of).filter(Objects::nonNull).toList();
    }

    /** Null for an item with neither an id nor a link, which could not be told apart from the next one. */
    private static FeedItem of(SyndEntry entry) {
        String link = blankToNull(entry.getLink());
        String key = blankToNull(entry.getUri()) != null ? entry.getUri().strip() : link;
        if (key == null) {
            return null;
        }
        String title = HtmlText.strip(entry.getTitle());
        String summary = HtmlText.strip(summaryHtml(entry));
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return new FeedItem(key, title.isEmpty() ? (link == null ? key : link) : title, summary, link,
                published == null ? null : published.toInstant());
    }

    private static String summaryHtml(SyndEntry entry) {
        if (entry.getDescription() != null && blankToNull(entry.getDescription().getValue()) != null) {
            return entry.getDescription().getValue();
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(v -> blankToNull(v) != null)
                .findFirst().orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
