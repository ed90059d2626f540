package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.day;
import static dev.chipflow.supply.Hand.firm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link SupplyModel} itself reports: its stream names and the cap's binding share at the edge. */
class SupplyModelTest {

    /** The nine stream constants in alphabetical order. */
    @Test
    void streamNamesAreSorted() {
        assertEquals(List.of("china.conversion", "customs.clearance", "lab.duration", "lab.failure", "lab.perUnit",
                "licence.decision", "licence.review", "ndrc.conditions", "transit"), SupplyModel.streamNames());
    }

    /**
     * capBindingShare = days a shipment waited at the cap / days from the policy's start to the end. A policy that
     * starts at the horizon itself (day 90, 2026-04-01) leaves no time in force: the share is 0, not 0 / 0.
     */
    @Test
    void noBindingShareWhenThePolicyStartsAtTheHorizon() {
        Scenario s = base().licencePolicyStart(day(90)).firms(List.of(firm("A", 0, 0, 10))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(0, r.system().capBindingShare());
    }
}
