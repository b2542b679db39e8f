package org.clearpost.monitoring.intake;

/** A raw item that can never become a mention; its message is the reason recorded with it on the dead-letter topic. */
public class UnparseableItemException extends Exception {

    public UnparseableItemException(String reason) {
        super(reason);
    }

    public UnparseableItemException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
