package org.clearpost.calendar;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The three UK bank holiday divisions, keyed as in gov.uk's bank-holidays.json. */
public enum Division {
    ENGLAND_AND_WALES("england-and-wales"),
    SCOTLAND("scotland"),
    NORTHERN_IRELAND("northern-ireland");

    private final String key;

    Division(String key) {
        this.key = key;
    }

    /** The top-level key and {@code "division"} value in the gov.uk file, e.g. {@code "england-and-wales"}. */
    public String key() {
        return key;
    }

    /** The division for a gov.uk key, so configuration can use the same names as the published file. */
    public static Division fromKey(String key) {
        for (Division division : values()) {
            if (division.key.equals(key)) {
                return division;
            }
        }
        throw new IllegalArgumentException("Unknown bank holiday division \"" + key + "\"; expected one of "
                + Arrays.stream(values()).map(Division::key).collect(Collectors.joining(", ")));
    }
}
