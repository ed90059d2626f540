package dev.chipflow.scenarios;

import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import java.time.LocalDate;
import java.util.List;

/**
 * The record of 2026 (docs/record-2026.md) as a scenario: each dated event that changes a rule is a timeline entry
 * with its source and trust; each value the record does not give is marked as an assumption here. The what-if
 * scenarios branch from it by one decision each.
 */
final class Record2026 {

    private Record2026() {
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static PolicyChange change(String date, String knob, String value, String source, String trust) {
        return new PolicyChange(d(date), knob, value, source, trust);
    }

    /**
     * The record to the end of 2026: the US rules of January, China's approvals on conditions that never become
     * final, customs withholding with no known end, no US licence before mid-May and 75,000 per firm from March,
     * and Nvidia's March halt and restart. Reproduces zero deliveries through 2026-06-30 (and beyond: the record has
     * no end to China's refusal).
     *
     * @return the scenario
     */
    static Scenario historical() {
        return Scenario.builder()
                .name(NamedScenarios.HISTORICAL)
                // The firms are the builder's: the record's four approved firms, JD (cleared by the US) and the queue.
                // Assumption: China-bound output was running as 2026 began (the March halt implies it).
                .productionStart(d("2026-01-01"))
                .productionHalts(List.of())
                // The block comes from the timeline, on its date.
                .customsBlocks(List.of())
                .change(change("2026-01-14", "customs.blocks", "2026-01-14..2026-12-31",
                        "Reuters 2026-01-14: customs tell agents the H200 is 'not permitted'; no report of it being "
                                + "lifted (its end at the horizon is an assumption)", "H"))
                .change(change("2026-01-15", "licence.approvalProbability", "0",
                        "FT 2026-02-04: no US licence issued yet; Commerce to Congress 2026-02-24: 'none so far'",
                        "M"))
                .change(change("2026-01-28", "ndrc.conditionsFinalize", "false",
                        "Reuters 2026-01-28: approved on conditions still being set; Trump 2026-05-15: China has "
                                + "not approved purchases", "H"))
                .change(change("2026-03-03", "licence.perFirmCap", "75000",
                        "Bloomberg via Business Times 2026-03-03: 75,000 per firm, about 1,000,000 in all", "M"))
                .change(change("2026-03-05", "supply.productionPerWeek", "0",
                        "FT via Reuters 2026-03-05: China-bound H200 production halted", "H"))
                .change(change("2026-03-18", "supply.productionPerWeek", "25000",
                        "Huang via liveindex 2026-03-18: manufacturing restarting (the rate is the default, an "
                                + "assumption)", "M"))
                .change(change("2026-05-14", "licence.approvalProbability", "1",
                        "Reuters via The Decoder ~2026-05-14: about ten firms cleared, up to 75,000 each", "M"))
                .build();
    }

    /**
     * The record, with China permitting purchases from {@code date}: conditions become final and customs clears.
     *
     * @param name the scenario's name
     * @param date the first day China permits purchases
     * @return the scenario
     */
    static Scenario chinaPermits(String name, String date) {
        String why = "what-if: China permits purchases from " + date;
        return historical().toBuilder().name(name)
                .change(change(date, "ndrc.conditionsFinalize", "true", why, "assumption"))
                .change(change(date, "customs.blocks", "none", why, "assumption"))
                .build();
    }

    /**
     * One more change on top of China permitting purchases from 2026-07-01.
     *
     * @return the scenario
     */
    static Scenario permitsJulyAnd(String name, String date, String knob, String value) {
        return chinaPermits(name, "2026-07-01").toBuilder()
                .change(change(date, knob, value, "what-if", "assumption"))
                .build();
    }
}
