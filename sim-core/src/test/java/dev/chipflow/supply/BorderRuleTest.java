package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.firm;
import static dev.chipflow.supply.Hand.fixed;
import static dev.chipflow.supply.Hand.moves;
import static dev.chipflow.supply.Hand.timesAndUnits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The border of {@link Border}: transit.days, then customs.clearanceDays, and block windows customs.blocks FROM..TO
 * covering whole dates, days [day(FROM), day(TO) + 1), during which nothing clears: clearance starts no earlier than
 * the end of a block covering the arrival at customs, and a clearance that would end inside a block is put off to the
 * block's end. A block lying wholly inside a clearance, touching neither its start nor its end, does not delay it: the
 * rule is about the instant of clearing, not the days of processing. Touching or overlapping windows act as one.
 */
class BorderRuleTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * No lab, no cap: a shipment ordered on day d leaves for China at d, reaches customs at d + 2 (transit 2 days)
     * and clears 3 days after clearance starts. Blocks (listed out of order; the first two touch):
     * <pre>
     * 2026-01-14..2026-01-14  [13, 14)  \ one block [10, 14)
     * 2026-01-11..2026-01-13  [10, 13)  /
     * 2026-02-01..2026-02-01  [31, 32)
     * 2026-02-20..2026-02-22  [50, 53)
     * 2026-02-25..2026-02-26  [55, 57)
     * </pre>
     * Six orders, one shipment each, told apart by their units:
     * <pre>
     * units order  at customs  clearance                                                       delivered
     *   1     0        2       2 -> 5, no block                                                    5
     *   2     5        7       7 -> 10: would end at the start of [10, 14), put off to its end    14
     *   3     8       10       arrives at the block's start: starts at 14 (not 13: the windows
     *                          touch), 14 -> 17                                                   17
     *   4    12       14       arrives at the block's end, outside it: 14 -> 17                   17
     *   5    28       30       30 -> 33; [31, 32) is inside the clearance, not at its end          33
     *   6    49       51       arrives inside [50, 53): starts at 53; 53 -> 56 would end inside
     *                          [55, 57): put off to 57                                            57
     * </pre>
     * Ignoring blocks at the end of a clearance would deliver units 2 at 10 and 6 at 56; ignoring them at the
     * arrival, units 3 at 13 and 6 at 54; keeping the touching windows apart, units 2 at 13 and 3 at 16.
     */
    @Test
    void clearanceStartsAfterABlockAndNeverEndsInsideOne() {
        Scenario s = base().labRequired(false).transitDays(fixed(2)).customsClearanceDays(fixed(3))
                .customsBlocks(List.of(new DateWindow(date("2026-01-14"), date("2026-01-14")),
                        new DateWindow(date("2026-01-11"), date("2026-01-13")),
                        new DateWindow(date("2026-02-01"), date("2026-02-01")),
                        new DateWindow(date("2026-02-20"), date("2026-02-22")),
                        new DateWindow(date("2026-02-25"), date("2026-02-26"))))
                .firms(List.of(firm("A", 0, 0, 1, 5, 2, 8, 3, 12, 4, 28, 5, 49, 6))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("0.0:1", "5.0:2", "8.0:3", "12.0:4", "28.0:5", "49.0:6"),
                timesAndUnits(moves(r, Stage.CAP, Stage.TRANSIT)));
        assertEquals(List.of("2.0:1", "7.0:2", "10.0:3", "14.0:4", "30.0:5", "51.0:6"),
                timesAndUnits(moves(r, Stage.TRANSIT, Stage.CUSTOMS)));
        assertEquals(List.of("5.0:1", "14.0:2", "17.0:3", "17.0:4", "33.0:5", "57.0:6"),
                timesAndUnits(moves(r, Stage.CUSTOMS, Stage.DELIVERED)));
        TraceReplay.check(s, r);
    }

    /**
     * A block that outlasts the horizon holds what arrives in it; a block that ends inside the horizon releases all
     * that waited at its end, in one instant. Transit 1, clearance 0.5; block 2026-01-05..2026-01-09 = [4, 9); orders
     * of 1 unit on days 2, 4, 6 and of 2 units on day 20, horizon 2026-01-31 ([0, 31)).
     * <pre>
     * day 2: customs at 3, clears 3.5 (before the block)
     * day 4: customs at 5, inside: clears at 9 + 0.5 = 9.5
     * day 6: customs at 7, inside: clears at 9.5
     * </pre>
     * With a second block 2026-01-22..2026-12-31 = [21, 365): the day-20 order reaches customs at 21, inside it, and
     * is still there at the end (2 units at customs, not lost).
     */
    @Test
    void shipmentsWaitAtTheBorderAndAreNeverLost() {
        Scenario s = base().horizonEnd(date("2026-01-31")).labRequired(false).transitDays(fixed(1))
                .customsClearanceDays(fixed(0.5))
                .customsBlocks(List.of(new DateWindow(date("2026-01-05"), date("2026-01-09")),
                        new DateWindow(date("2026-01-22"), date("2026-12-31"))))
                .firms(List.of(firm("A", 0, 2, 1, 4, 1, 6, 1, 20, 2))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("3.5:1", "9.5:1", "9.5:1"), timesAndUnits(moves(r, Stage.CUSTOMS, Stage.DELIVERED)));
        FirmResult a = r.firm("A");
        assertEquals(3, a.delivered());
        assertEquals(5, a.exported());
        assertEquals(2, a.unitsAtEnd()[Stage.CUSTOMS.ordinal()]);
        TraceReplay.check(s, r);
    }
}
