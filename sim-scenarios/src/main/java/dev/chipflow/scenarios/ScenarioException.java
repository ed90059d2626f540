package dev.chipflow.scenarios;

/**
 * A scenario could not be made from what the user wrote: an unknown name, a malformed line of a scenario file, a knob
 * value out of range. The message is one line, fit to print as is, and starts with where the problem is when that is
 * known ({@code file.scenario:7: ...}).
 */
public final class ScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the problem */
    public ScenarioException(String message) {
        super(message);
    }
}
