package dev.chipflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dates a report answers at, and the sentence naming the dated rules that hold the units, derived by hand. */
class AnalysisDatesAndRulesHoldingTest {

    private static RunAnalysis run(Scenario s) {
        return RunAnalysis.run(ReplicationRunner.allCores(), s, 1, 20260101L);
    }

    /**
     * A 2026 run (2026-01-01 to 2026-12-31) asked for 2026-09-30 twice and 2027-03-01: mid-year 2026-06-30, 2026-09-30
     * once, the last day 2026-12-31; 2027-03-01 lies past the run and is left out.
     */
    @Test
    void theDatesAreMidYearTheDatesAskedWithinTheRunAndTheLastDayOnceEach() {
        RunAnalysis a = run(NamedScenarios.get(NamedScenarios.ORDERS_PLACED));
        RunInfo info = new RunInfo(1, 1, "test", List.of(LocalDate.of(2026, 9, 30), LocalDate.of(2027, 3, 1),
                LocalDate.of(2026, 9, 30)));
        assertEquals(List.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 31)),
                info.analysisDates(a));
    }

    /**
     * A run ending 2026-03-31 does not reach mid-year: its dates are the date asked within it (2026-02-01) and its last
     * day.
     */
    @Test
    void aRunEndingBeforeMidYearAnswersAtItsLastDay() {
        Scenario s = Knobs.set(NamedScenarios.get(NamedScenarios.ORDERS_PLACED), "horizon.end", "2026-03-31");
        RunInfo info = new RunInfo(1, 1, "test", List.of(LocalDate.of(2026, 2, 1)));
        assertEquals(List.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31)), info.analysisDates(run(s)));
    }

    /**
     * historical-2026 at the end of 2026: the firms ordered 2,000,000 units and China approved 133,333 + 133,333 +
     * 133,334 + 40,000 = 440,000 (JD and the others none), so 1,560,000 wait at China's approval; the 440,000 approved
     * wait for NDRC conditions, which never become final from 2026-01-28. Approval holds more, so it comes first, held
     * by the approvals given; the NDRC stage by ndrc.conditionsFinalize = false. Every other knob's last change is
     * listed as in force but not binding: customs.blocks (01-14), licence.perFirmCap (03-03), supply.productionPerWeek
     * as restarted on 03-18 (the halt of 03-05 is superseded), licence.approvalProbability (05-14).
     */
    @Test
    void theRecordIsHeldByChinasApprovalsThenByConditionsNeverFinal() {
        String sentence = Headlines.rulesHolding(run(NamedScenarios.get(NamedScenarios.HISTORICAL)));
        int approval = sentence.indexOf("china-approval is held by the approvals China gave: 440,000 of the 2,000,000"
                + " units ordered");
        int ndrc = sentence.indexOf("ndrc-conditions is held by ndrc.conditionsFinalize = false from 2026-01-28");
        int others = sentence.indexOf("Other dated rules in force at the end");
        assertTrue(sentence.startsWith("Dated rules holding the units: "), sentence);
        assertTrue(approval > 0 && ndrc > approval && others > ndrc, sentence);
        String rest = sentence.substring(others);
        for (String rule : List.of("customs.blocks = 2026-01-14..2026-12-31 from 2026-01-14",
                "licence.perFirmCap = 75000 from 2026-03-03", "supply.productionPerWeek = 25000 from 2026-03-18",
                "licence.approvalProbability = 1 from 2026-05-14")) {
            assertTrue(rest.contains(rule), rule + " in " + rest);
        }
        assertFalse(sentence.contains("supply.productionPerWeek = 0"), "the halt is superseded by the restart");
    }

    /** A scenario without a timeline has no dated rules: no sentence. */
    @Test
    void noTimelineNoSentence() {
        assertEquals("", Headlines.rulesHolding(run(NamedScenarios.get(NamedScenarios.ORDERS_PLACED))));
    }
}
