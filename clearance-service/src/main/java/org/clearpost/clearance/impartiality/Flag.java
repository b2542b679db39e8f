package org.clearpost.clearance.impartiality;

import java.util.List;

/**
 * Something the clearer should weigh: which policy clause, which words. Flags never block on their own.
 *
 * @param kind {@code party}, {@code politician}, {@code commercial-product}, {@code party-political-repost} or
 *        {@code pre-election-names}
 */
public record Flag(String kind, String clause, List<String> terms, String message) {

    public Flag {
        terms = List.copyOf(terms);
    }
}
