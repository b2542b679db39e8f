package org.clearpost.calendar;

/** A bank holiday file that is not in gov.uk's bank-holidays.json format; nothing of it is used. */
public class MalformedBankHolidaysException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedBankHolidaysException(String message) {
        super(message);
    }

    public MalformedBankHolidaysException(String message, Throwable cause) {
        super(message, cause);
    }
}
