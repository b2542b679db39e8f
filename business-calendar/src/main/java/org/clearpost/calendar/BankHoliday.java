package org.clearpost.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One event of gov.uk's bank-holidays.json. {@code date} is the day off actually taken: when a holiday falls
 * at a weekend gov.uk lists the weekday it moves to, with notes {@code "Substitute day"}.
 */
public record BankHoliday(LocalDate date, String title, String notes, boolean bunting) {

    public static final String SUBSTITUTE_DAY = "Substitute day";

    public BankHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(notes, "notes");
    }

    public boolean isSubstitute() {
        return SUBSTITUTE_DAY.equals(notes);
    }
}
