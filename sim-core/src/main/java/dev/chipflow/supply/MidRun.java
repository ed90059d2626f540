package dev.chipflow.supply;

import java.util.Map;

/**
 * What a change of each knob from a date does to a run (a {@link PolicyChange}), or why the knob cannot change
 * mid-run. A change dated D acts from the start of day D, before anything else that happens on that day; the run
 * before D is untouched. Nothing already done is undone: a unit that left a stage stays gone, a licence granted stays
 * granted (there is no revocation rule), a draw already made stands.
 */
final class MidRun {

    /** Knob name to what a change from a date does; knobs absent here cannot change mid-run. */
    static final Map<String, String> CHANGES = Map.ofEntries(
            Map.entry("ndrc.conditionDays", "Conditional approvals granted from D draw their NDRC delay from the new "
                    + "distribution; delays already drawn stand."),
            Map.entry("ndrc.conditionsFinalize", "true from D: every conditional approval not yet final draws its NDRC "
                    + "delay at D and becomes final at the later of its grant + delay and D, releasing the units that "
                    + "waited for it. false from D: conditions not final by D stay pending until a later change sets "
                    + "it true."),
            Map.entry("china.conversionShare", "Applies to what is converted from D: a higher share converts more of "
                    + "the final units at once; a lower one stops conversion until the firm's final units catch up. "
                    + "Units already converted stay converted."),
            Map.entry("china.conversionDays", "Purchase orders formed from D draw their delay from the new "
                    + "distribution."),
            Map.entry("domestic.ratio", "Purchase orders that pass the quota from D need the new ratio of domestic "
                    + "chips; a lower ratio can release waiting orders at D."),
            Map.entry("domestic.outputPerYear", "Daily domestic output from D is the new rate / 365."),
            Map.entry("supply.productionPerWeek", "Output from D runs at the new rate: after D, producing days add "
                    + "the new rate / 7 each to the output made so far (whole units, rounded down)."),
            Map.entry("supply.allocation", "Allocations from D follow the new policy; units already allocated stay "
                    + "allocated."),
            Map.entry("licence.reviewDays", "Reviews started from D (first reviews and resubmissions) draw from the "
                    + "new distribution; reviews under way finish as drawn."),
            Map.entry("licence.approvalProbability", "Decisions from D use the new probability; a licence refused for "
                    + "good under probability 0 is resubmitted at D if the new probability is positive."),
            Map.entry("licence.perFirmCap", "Checked for units that pass from D: a higher cap lets waiting units "
                    + "through at once; a lower cap holds what waits and revokes nothing already licensed."),
            Map.entry("licence.totalCeiling", "As the per-firm cap: a higher ceiling lets waiting units through at "
                    + "D (firms in scenario order), a lower one holds what waits."),
            Map.entry("cap.ratio", "Every release from D is checked against the new ratio (over the same window); a "
                    + "lower ratio holds the shipments waiting, a higher one releases them at D."),
            Map.entry("cap.split", "Releases from D split (or not) at the edge of the room."),
            Map.entry("cap.usUnitsPerWeek", "US end-user shipments from D are the new weekly volume, on the same "
                    + "weekly days."),
            Map.entry("lab.lines", "More lines start tests at D; with fewer, running tests finish and no new test "
                    + "starts until fewer lines than the new number are busy."),
            Map.entry("lab.baseDays", "Tests started from D draw their fixed part from the new distribution."),
            Map.entry("lab.daysPerUnit", "Tests started from D draw their per-unit part from the new distribution."),
            Map.entry("lab.lotUnits", "Lots formed from D hold up to the new number of units."),
            Map.entry("lab.failureShare", "Tests ending from D fail with the new probability."),
            Map.entry("transit.days", "Shipments leaving the lab from D draw their transit from the new "
                    + "distribution."),
            Map.entry("customs.clearanceDays", "Shipments reaching customs from D draw their clearance from the new "
                    + "distribution."),
            Map.entry("customs.blocks", "From D the block windows are the new list (none: no block): every "
                    + "shipment at customs is cleared as if they had held since it arrived, with the clearance time "
                    + "it drew, but not before D. Lifting a block on D releases what it held from D on."));

    /** Why a knob absent from {@link #CHANGES} cannot change from a date. */
    static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("name", "a label, not a rule"),
            Map.entry("horizon.end", "it defines the run itself"),
            Map.entry("china.clearance", "it is a date already; set the date"),
            Map.entry("domestic.initialStock", "it is the stock on day 0"),
            Map.entry("supply.inventory", "it is the inventory on day 0"),
            Map.entry("supply.productionStart", "it is a date already; set the date"),
            Map.entry("supply.halts", "halts are dated windows already"),
            Map.entry("licence.policyStart", "it is a date already; set the date"),
            Map.entry("licence.scope", "licences already filed cannot change scope"),
            Map.entry("cap.rollingDays", "the cap's window cannot change shape mid-run"),
            Map.entry("lab.required", "shipments already past the cap cannot be sent back to the lab"),
            Map.entry("shipment.units", "orders are cut into shipments on day 0"),
            Map.entry("market.priceUsd", "it prices the whole run's exports"),
            Map.entry("market.usTakeShare", "it applies to the whole run's revenue"));

    private MidRun() {
    }

    /** @return what a change of {@code knob} from a date does, or why it cannot change ("fixed: ...") */
    static String of(String knob) {
        String c = CHANGES.get(knob);
        if (c != null) {
            return c;
        }
        String why = FIXED.get(knob);
        if (why == null) {
            throw new IllegalStateException("no mid-run rule for knob " + knob);
        }
        return Knob.FIXED + why;
    }
}
