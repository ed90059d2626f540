package dev.chipflow.scenarios;

import dev.chipflow.supply.Approval;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Order;
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

    /** Orders and approvals are the builder's defaults, but JD (JD.com), cleared by the US, is its own row. */
    private static final long JD_ORDER = 100_000;

    private Record2026() {
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static PolicyChange change(String date, String knob, String value, String source, String trust) {
        return new PolicyChange(d(date), knob, value, source, trust);
    }

    /** @return the firms of the record: the four approved in principle, JD (JD.com) and the rest of the queue */
    static List<Firm> firms() {
        return List.of(
                // 20,000 preliminary (FT via TrendForce, 2025-12-23, M); the rest after China's clearance in principle.
                new Firm("ByteDance", List.of(new Order(d("2026-01-01"), 20_000), new Order(d("2026-01-24"), 280_000)),
                        List.of(new Approval(d("2026-01-28"), 133_333, true)), 0),
                // ">200,000 each" (Bloomberg, 2026-01-24, M); 300,000 is an assumption.
                new Firm("Alibaba", List.of(new Order(d("2026-01-24"), 300_000)),
                        List.of(new Approval(d("2026-01-28"), 133_333, true)), 1),
                // The three together "over 400,000" approved on conditions (Reuters, 2026-01-28, H): equal thirds.
                new Firm("Tencent", List.of(new Order(d("2026-01-24"), 250_000)),
                        List.of(new Approval(d("2026-01-28"), 133_334, true)), 2),
                // Approved on conditions (Reuters via etnet, 2026-01-30, H); the amount is not given: 40,000 assumed.
                new Firm("DeepSeek", List.of(new Order(d("2026-01-30"), 150_000)),
                        List.of(new Approval(d("2026-01-30"), 40_000, true)), 3),
                // Cleared by the US around 2026-05-14 (Reuters via The Decoder, M); no Chinese approval is reported.
                // Its order is an assumption, taken out of the queue's million.
                new Firm("JD", List.of(new Order(d("2026-01-24"), JD_ORDER)), List.of(), 4),
                // The rest of the "over 2,000,000" ordered (Reuters, 2025-12-31, H), still in China's queue.
                new Firm("Others", List.of(new Order(d("2026-01-24"), 1_000_000 - JD_ORDER)), List.of(), 5));
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
                .firms(firms())
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
