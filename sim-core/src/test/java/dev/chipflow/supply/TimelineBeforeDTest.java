package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edges of a policy timeline in time, on the default scenario (random delays, the default firms, seed fixed):
 * <ul>
 * <li>the run before D is the run without the change: the same trace events before D and the same daily values for
 * the days before D, whatever knob changes (each draws from its own stream, which goes on where it was);</li>
 * <li>a change dated before 2026-01-01 acts from day 0: the run is the run with the base knob set to that value.</li>
 * </ul>
 */
class TimelineBeforeDTest {

    private static final long SEED = 20260101;
    /** 2026-05-01 is day 120: licences, the cap, production, the lab and the border are all at work by then. */
    private static final LocalDate D = LocalDate.of(2026, 5, 1);
    private static final int DAY_D = (int) Calendar.day(D);

    /** A value other than the default for every knob that can change mid-run. */
    private static final Map<String, String> CHANGED = new TreeMap<>(Map.ofEntries(
            Map.entry("ndrc.conditionDays", "tri(2,5,9)"),
            Map.entry("ndrc.conditionsFinalize", "false"),
            Map.entry("china.conversionShare", "0.9"),
            Map.entry("china.conversionDays", "3"),
            Map.entry("domestic.ratio", "0.5"),
            Map.entry("domestic.outputPerYear", "100000"),
            Map.entry("supply.productionPerWeek", "50000"),
            Map.entry("supply.allocation", "PRO_RATA"),
            Map.entry("licence.reviewDays", "uniform(5,15)"),
            Map.entry("licence.approvalProbability", "0.5"),
            Map.entry("licence.perFirmCap", "50000"),
            Map.entry("licence.totalCeiling", "2000000"),
            Map.entry("cap.ratio", "0.25"),
            Map.entry("cap.split", "true"),
            Map.entry("cap.usUnitsPerWeek", "5000"),
            Map.entry("lab.lines", "1"),
            Map.entry("lab.baseDays", "tri(15,20,25)"),
            Map.entry("lab.daysPerUnit", "0.001"),
            Map.entry("lab.lotUnits", "2000"),
            Map.entry("lab.failureShare", "0.5"),
            Map.entry("transit.days", "tri(10,20,30)"),
            Map.entry("customs.clearanceDays", "exp(10)"),
            Map.entry("customs.blocks", "2026-05-01..2026-07-31")));

    static Stream<String> knobs() {
        return CHANGED.keySet().stream();
    }

    private static SupplyResult run(Scenario s) {
        return SupplyModel.run(s, RandomStreams.of(SEED), true);
    }

    private static List<TraceEvent> before(SupplyResult r, int day) {
        return r.trace().stream().filter(e -> e.time() < day).toList();
    }

    /** @return every daily series, each cut to its first {@code days} values, as lists */
    private static List<List<Double>> daily(SupplyResult r, int days) {
        DailySeries d = r.series();
        List<double[]> all = new ArrayList<>(Arrays.asList(d.deliveredByFirm()));
        all.addAll(List.of(d.capHeadroom(), d.labQueue(), d.labBusy(), d.inventory(), d.chinaShipped(), d.usShipped(),
                d.chinaInWindow(), d.usInWindow()));
        return all.stream().map(a -> Arrays.stream(a, 0, days).boxed().toList()).toList();
    }

    @Test
    void everyKnobThatCanChangeMidRunIsCovered() {
        assertEquals(new TreeMap<>(MidRun.CHANGES).keySet(), CHANGED.keySet());
        Scenario base = Scenario.builder().build();
        CHANGED.forEach((k, v) -> assertNotEquals(Knobs.get(base, k), Knobs.get(Knobs.set(base, k, v), k), k));
    }

    /** A change from D leaves the trace before D and the daily values of the days before D as they were. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("knobs")
    void theRunBeforeDIsTheRunWithoutTheChange(String knob) {
        SupplyResult without = run(Scenario.builder().build());
        SupplyResult with = run(Scenario.builder().change(D, knob, CHANGED.get(knob)).build());
        assertEquals(before(without, DAY_D), before(with, DAY_D));
        assertEquals(daily(without, DAY_D), daily(with, DAY_D));
    }

    /**
     * Every change at once: the same before D, and the run does change from D (so the comparison above compares runs
     * that differ).
     */
    @Test
    void everyChangeAtOnceStillLeavesTheRunBeforeDAlone() {
        Scenario.Builder b = Scenario.builder();
        CHANGED.forEach((k, v) -> b.change(D, k, v));
        SupplyResult without = run(Scenario.builder().build());
        SupplyResult with = run(b.build());
        assertEquals(before(without, DAY_D), before(with, DAY_D));
        assertEquals(daily(without, DAY_D), daily(with, DAY_D));
        assertNotEquals(without.trace(), with.trace());
        assertNotEquals(daily(without, DAY_D + 30), daily(with, DAY_D + 30));
    }

    /** Dated before the run's first day (2025-12-01), a change is the base knob set to its value: the same run. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("knobs")
    void aChangeDatedBeforeTheFirstDayActsFromDayZero(String knob) {
        String value = CHANGED.get(knob);
        Scenario set = Knobs.set(Scenario.builder().build(), knob, value);
        Scenario changed = Scenario.builder().change(LocalDate.of(2025, 12, 1), knob, value).build();
        SupplyResult a = run(set);
        SupplyResult b = run(changed);
        assertEquals(a.trace(), b.trace());
        assertEquals(daily(a, a.series().days()), daily(b, b.series().days()));
        assertEquals(a.firms(), b.firms());
    }
}
