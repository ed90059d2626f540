package dev.chipflow.supply;

import static dev.chipflow.supply.RuleFixtures.d;
import static dev.chipflow.supply.RuleFixtures.days;
import static dev.chipflow.supply.RuleFixtures.each;
import static dev.chipflow.supply.RuleFixtures.firm;
import static dev.chipflow.supply.RuleFixtures.frictionless;
import static dev.chipflow.supply.RuleFixtures.movedByDay;
import static dev.chipflow.supply.RuleFixtures.produced;
import static dev.chipflow.supply.RuleFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Nvidia's production (NvidiaSupply's Javadoc): the inventory is there on day 0; from {@code supply.productionStart}
 * each day's output, {@code supply.productionPerWeek / 7}, is added at the start of the day, in whole units: after
 * n producing days the total is {@code floor(n x perWeek / 7)}; a day inside a {@code supply.halts} window
 * {@code [from, to]}, both dates included, produces nothing and does not count. Output is read from the trace
 * (PRODUCED per day) and the daily inventory series (sampled at the end of each day).
 */
class ProductionRuleTest {

    private static Scenario.Builder noFirms() {
        return frictionless().firms(List.of());
    }

    /**
     * 1,000/week from 2026-01-03 (day 2) to the horizon 2026-01-12 (day 11): 10 producing days. Totals
     * floor(1,000 n / 7) for n = 1..10: 142, 285, 428, 571, 714, 857, 1,000, 1,142, 1,285, 1,428, so the days bring
     * 142, 143, 143, 143, 143, 143, 143, 142, 143, 143. Nothing on days 0 and 1. Inventory 500 at the start, 500 +
     * 1,428 = 1,928 at the end.
     */
    @Test
    void outputIsTheFloorOfTheRunningTotalFromTheStartDate() {
        Scenario s = noFirms().inventoryUnits(500).productionStart(d("2026-01-03")).productionUnitsPerWeek(1_000)
                .horizonEnd(d("2026-01-12")).build();
        SupplyResult r = run(s);
        assertEquals(days(2, 142, 3, 143, 4, 143, 5, 143, 6, 143, 7, 143, 8, 143, 9, 142, 10, 143, 11, 143),
                produced(r));
        long[] total = {0, 0, 142, 285, 428, 571, 714, 857, 1_000, 1_142, 1_285, 1_428};
        for (int day = 0; day <= 11; day++) {
            assertEquals(500 + total[day], r.series().inventory()[day], 0.0, "inventory at the end of day " + day);
        }
        assertEquals(500, r.system().inventoryStart());
        assertEquals(1_428, r.system().produced());
        assertEquals(1_928, r.system().inventoryEnd());
    }

    /**
     * 700/week = 100/day from 2026-01-01 (day 0); halts 2026-01-05..2026-01-07 (days 4, 5, 6) and
     * 2026-01-10..2026-01-10 (day 9); horizon 2026-01-12 (day 11). Producing days 0, 1, 2, 3, 7, 8, 10, 11: 800.
     * Taking a window's last date as excluded would produce on days 6 and 9 (1,000); its first date, on day 4.
     */
    @Test
    void haltsProduceNothingOnEitherOfTheirDates() {
        Scenario s = noFirms().productionStart(d("2026-01-01")).productionUnitsPerWeek(700)
                .productionHalts(List.of(new DateWindow(d("2026-01-05"), d("2026-01-07")),
                        new DateWindow(d("2026-01-10"), d("2026-01-10"))))
                .horizonEnd(d("2026-01-12")).build();
        SupplyResult r = run(s);
        assertEquals(days(0, 100, 1, 100, 2, 100, 3, 100, 7, 100, 8, 100, 10, 100, 11, 100), produced(r));
        assertEquals(800, r.system().produced());
        assertEquals(800, r.system().inventoryEnd());
    }

    /**
     * A halted day does not count in the running total. 1,000/week from 2026-01-01 (day 0), halt 2026-01-03..01-04
     * (days 2, 3), horizon 2026-01-06 (day 5): producing days 0, 1, 4, 5 are producing days 1 to 4, with totals 142,
     * 285, 428, 571 -> 142, 143, 143, 143.
     */
    @Test
    void haltedDaysDoNotCountInTheRunningTotal() {
        Scenario s = noFirms().productionStart(d("2026-01-01")).productionUnitsPerWeek(1_000)
                .productionHalts(List.of(new DateWindow(d("2026-01-03"), d("2026-01-04"))))
                .horizonEnd(d("2026-01-06")).build();
        SupplyResult r = run(s);
        assertEquals(days(0, 142, 1, 143, 4, 143, 5, 143), produced(r));
        assertEquals(571, r.system().produced());
    }

    /**
     * No start date: nothing. A start after the horizon (2026-04-01 for a horizon ending 2026-03-31): nothing. A start
     * on the horizon's last date (day 89): that one day, 700/week -> 100.
     */
    @Test
    void productionStartsOnItsDateAndNeverIfThereIsNone() {
        Scenario.Builder b = noFirms().productionUnitsPerWeek(700);
        assertEquals(days(), produced(run(b.productionStart(null).build())));
        assertEquals(days(), produced(run(b.productionStart(d("2026-04-01")).build())));
        SupplyResult last = run(b.productionStart(d("2026-03-31")).build());
        assertEquals(days(89, 100), produced(last));
        assertEquals(100, last.system().inventoryEnd());
    }

    /**
     * Exact over long runs: 25,000/week from 2026-01-01 (day 0) to 2026-09-02 (day 244) is 245 days = 35 whole weeks:
     * 875,000 exactly, and 25,000 k at the end of every k-th week (day 7k - 1). A running sum of 25,000/7 in floating
     * point drifts below the whole number (674,999.99999... after 27 weeks) and would lose a unit.
     */
    @Test
    void wholeWeeksGiveWholeWeeksOfOutputAllYear() {
        Scenario s = noFirms().productionStart(d("2026-01-01")).productionUnitsPerWeek(25_000)
                .horizonEnd(d("2026-09-02")).build();
        SupplyResult r = run(s);
        for (int week = 1; week <= 35; week++) {
            int day = 7 * week - 1;
            assertEquals(25_000L * week, r.series().inventory()[day], 0.0, "end of week " + week + ", day " + day);
        }
        assertEquals(875_000, r.system().produced());
    }

    /**
     * The inventory and the day's output are there at the start of the day. F orders 10,000 on 2026-01-01 (day 0);
     * inventory 5,000; 700/week = 100/day from day 0; horizon 2026-01-12 (day 11). Day 0: 5,000 + 100 = 5,100 allocated
     * (all at time 0.0); days 1..11: the 100 of each day. Allocated 5,100 + 1,100 = 6,200; 3,800 wait in ALLOCATION;
     * inventory end 5,000 + 1,200 - 6,200 = 0.
     */
    @Test
    void inventoryAndEachDaysOutputAreThereAtTheStartOfTheDay() {
        Scenario s = frictionless().inventoryUnits(5_000).productionStart(d("2026-01-01")).productionUnitsPerWeek(700)
                .horizonEnd(d("2026-01-12")).firms(List.of(firm("F", 0, "2026-01-01", 10_000))).build();
        SupplyResult r = run(s);
        SortedMap<Integer, Long> expected = each(days(0, 5_100), 1, 11, 100);
        assertEquals(expected, movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE));
        assertEquals(each(new TreeMap<>(), 0, 11, 100), produced(r));
        assertEquals(6_200, r.firm("F").allocated());
        assertEquals(3_800, r.firm("F").unitsAtEnd()[Stage.ALLOCATION.ordinal()]);
        assertEquals(0, r.system().inventoryEnd());
    }
}
