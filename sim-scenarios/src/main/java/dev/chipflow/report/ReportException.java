package dev.chipflow.report;

/** A report could not be written; the message is one line naming the directory and the reason. */
public final class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public ReportException(String message) {
        super(message);
    }
}
