package dev.chipflow.cli;

/** Arguments that cannot work together or are out of range; the message is one line for the user. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
