package dev.chipflow.supply;

import dev.chipflow.engine.StalledClockException;

/**
 * A replication whose clock stopped moving: the engine ran more events in a row at one instant than its stall limit
 * allows ({@link StalledClockException}). The message names the day, the date and the stage that kept scheduling, so
 * a run never hangs and the stage to look at is known.
 */
public final class StalledRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Stage stage;
    /** The day at which the run stalled. */
    private final double day;

    StalledRunException(StalledClockException cause, Stage stage) {
        super("the run stalled at day " + cause.instant() + " (" + Calendar.date(cause.instant()) + "): "
                + cause.limit() + " events in a row at that instant, the last one in "
                + (stage == null ? cause.owner() : "stage " + stage.label() + " (" + cause.owner() + ")"), cause);
        this.stage = stage;
        this.day = cause.instant();
    }

    /** @return the stage that kept scheduling events at that instant, or null if no stage owned the last event */
    public Stage stage() {
        return stage;
    }

    /** @return the day at which the clock stopped moving */
    public double day() {
        return day;
    }

    /** Maps the class owning the last event's handler to the stage it runs. */
    static Stage stageOf(String owner) {
        return switch (owner) {
            case "OrderBook" -> Stage.APPROVAL;
            case "ChinaApproval" -> Stage.CONDITIONS;
            case "Conversion" -> Stage.CONVERSION;
            case "DomesticMarket" -> Stage.DOMESTIC_QUOTA;
            case "NvidiaSupply" -> Stage.ALLOCATION;
            case "LicenceOffice" -> Stage.LICENCE;
            case "CapLedger" -> Stage.CAP;
            case "TestLab" -> Stage.LAB_TEST;
            case "Border" -> Stage.CUSTOMS;
            default -> null;
        };
    }
}
