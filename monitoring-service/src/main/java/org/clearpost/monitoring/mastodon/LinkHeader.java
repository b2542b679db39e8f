package org.clearpost.monitoring.mastodon;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The target of one relation in an RFC 8288 {@code Link} header, as Mastodon writes it for paging. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";,]+)\"?");

    private LinkHeader() {
    }

    static Optional<URI> rel(String header, String rel) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher r = REL.matcher(link.group(2));
            while (r.find()) {
                for (String name : r.group(1).trim().split("\\s+")) {
                    if (name.equalsIgnoreCase(rel)) {
                        try {
                            return Optional.of(URI.create(link.group(1).trim()));
                        } catch (IllegalArgumentException e) {
                            return Optional.empty();
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
