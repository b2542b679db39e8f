package org.clearpost.drafting.domain;

import com.twitter.twittertext.Extractor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.events.Network;

/**
 * Finds links in a text and tags those to the body's own website with UTM parameters, so the website's analytics
 * can tell which network and campaign brought a visitor. Links are found the way X finds them (twitter-text), so a
 * bare {@code ico.org.uk/sar} counts as a link too. A domain covers its subdomains ({@code ico.org.uk} covers
 * {@code www.ico.org.uk}). A link that already has a {@code utm_source} is left exactly as it is: never tagged twice.
 * Pure and thread-safe.
 */
public final class OwnSiteLinks {

    private static final Pattern HOST = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?([^/?#:]+)");
    private static final Pattern UTM_SOURCE = Pattern.compile("[?&]utm_source=([^&#]*)");

    private final List<String> domains;

    public OwnSiteLinks(List<String> domains) {
        this.domains = domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .toList();
    }

    /** A link found in a text: UTF-16 positions {@code [start, end)} and the link as written. */
    public record Link(int start, int end, String url) {
    }

    public List<Link> links(String text) {
        Extractor extractor = new Extractor();
        return extractor.extractURLsWithIndices(text).stream()
                .map(e -> new Link(e.getStart(), e.getEnd(), e.getValue())).toList();
    }

    public boolean isOwnSite(String url) {
        Matcher host = HOST.matcher(url);
        if (!host.find()) {
            return false;
        }
        String name = host.group(1).toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(d -> name.equals(d) || name.endsWith("." + d));
    }

    public List<Link> ownSiteLinks(String text) {
        return links(text).stream().filter(l -> isOwnSite(l.url())).toList();
    }

    /** The {@code utm_source} a link already carries, else {@code null}. */
    public static String utmSource(String url) {
        Matcher source = UTM_SOURCE.matcher(url);
        return source.find() ? source.group(1) : null;
    }

    /**
     * The text with every own-site link tagged: {@code utm_source} the network in lower case, {@code utm_medium}
     * {@code social}, {@code utm_campaign} the campaign slug when there is one. Existing query parameters are kept,
     * the tags go before any {@code #fragment}.
     */
    public String tag(String text, Network network, String campaign) {
        if (text == null) {
            return null;
        }
        StringBuilder tagged = new StringBuilder(text.length() + 64);
        int from = 0;
        for (Link link : ownSiteLinks(text)) {
            tagged.append(text, from, link.start()).append(tagUrl(link.url(), network, campaign));
            from = link.end();
        }
        return tagged.append(text, from, text.length()).toString();
    }

    static String tagUrl(String url, Network network, String campaign) {
        if (utmSource(url) != null) {
            return url;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        String tags = "utm_source=" + network.name().toLowerCase(Locale.ROOT) + "&utm_medium=social"
                + (campaign == null ? "" : "&utm_campaign=" + campaign);
        return base + separator + tags + fragment;
    }
}
