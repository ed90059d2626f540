package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.random.Fixed;
import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tiny scenarios for the exact rule tests, and readers of the trace. Day 0 is 2026-01-01; a date is the day number at
 * its start; every delay is a whole number of days, so every trace time is a whole day.
 */
final class RuleFixtures {

    private RuleFixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** @return the day number of a date, e.g. 2026-02-01 is day 31 */
    static int day(String iso) {
        return (int) Calendar.day(d(iso));
    }

    /**
     * Every stage but supply, limits and licence out of the way: no delays, China clears on day 0 and converts every
     * final approved unit, no domestic quota, licence policy from day 0 with review 0 always granted, no per-firm cap
     * or ceiling, no export cap, no lab, no customs block; no inventory and no production; FCFS; horizon 2026-03-31
     * (day 89, so the run covers days 0 to 89); shipments of 1,000 units.
     */
    static Scenario.Builder frictionless() {
        return Scenario.builder().noDelays().horizonEnd(d("2026-03-31")).chinaClearance(d("2026-01-01"))
                .conversionShare(1).domesticRatio(0).domesticOutputPerYear(0)
                .inventoryUnits(0).productionStart(null).productionUnitsPerWeek(0).productionHalts(List.of())
                .allocation(AllocationPolicy.FCFS)
                .licencePolicyStart(d("2026-01-01")).licenceScope(LicenceScope.FIRM)
                .licenceReviewDays(new Fixed(0)).licenceApprovalProbability(1)
                .licencePerFirmCap(Long.MAX_VALUE).licenceTotalCeiling(Long.MAX_VALUE)
                .capRatio(Double.POSITIVE_INFINITY).usUnitsPerWeek(0)
                .labRequired(false).labLines(Integer.MAX_VALUE).labFailureShare(0)
                .customsBlocks(List.of()).shipmentUnits(1000);
    }

    /** {@link #frictionless()} with review Fixed(10) days and inventory (100,000) for every order. */
    static Scenario.Builder tenDayReview() {
        return frictionless().inventoryUnits(100_000).licenceReviewDays(new Fixed(10));
    }

    /**
     * A firm approved (final, on 2026-01-01) for exactly what it orders.
     *
     * @param orders date, units, date, units, ...
     */
    static Firm firm(String name, int rank, Object... orders) {
        List<Order> list = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < orders.length; i += 2) {
            long units = ((Number) orders[i + 1]).longValue();
            list.add(new Order(d((String) orders[i]), units));
            total += units;
        }
        return new Firm(name, list, List.of(new Approval(d("2026-01-01"), total, false)), rank);
    }

    /** Runs with the trace on and checks the replay invariants and books before returning. */
    static SupplyResult run(Scenario s) {
        return run(s, 1);
    }

    static SupplyResult run(Scenario s, long seed) {
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(seed), true);
        TraceReplay.check(s, r);
        TraceReplay.checkBooks(s, r);
        assertSupplyBooks(r);
        return r;
    }

    /**
     * A firm's allocation is exactly the units that moved ALLOCATION -> LICENCE, production is exactly what the trace
     * says was produced, and inventory at the end is start + produced - allocated.
     */
    static void assertSupplyBooks(SupplyResult r) {
        long allocated = 0;
        for (int f = 0; f < r.firms().size(); f++) {
            long moved = moved(r, f, Stage.ALLOCATION, Stage.LICENCE);
            assertEquals(moved, r.firms().get(f).allocated(),
                    r.firms().get(f).name() + ": allocated = units moved ALLOCATION -> LICENCE");
            allocated += moved;
        }
        long produced = produced(r).values().stream().mapToLong(Long::longValue).sum();
        SystemResult s = r.system();
        assertEquals(produced, s.produced(), "produced = PRODUCED in the trace");
        assertEquals(s.inventoryStart() + produced - allocated, s.inventoryEnd(),
                "inventory end = start + produced - allocated");
    }

    /** @return per whole day, the units of firm {@code f} that moved {@code from -> to} that day */
    static SortedMap<Integer, Long> movedByDay(SupplyResult r, int f, Stage from, Stage to) {
        SortedMap<Integer, Long> m = new TreeMap<>();
        for (TraceEvent e : r.trace()) {
            if (e.kind() == TraceEvent.Kind.MOVED && e.firm() == f && e.from() == from && e.to() == to) {
                m.merge(wholeDay(e), e.units(), Long::sum);
            }
        }
        return m;
    }

    /** @return per whole day, the units of firm {@code f} whose licence let them go (LICENCE -> CAP) */
    static SortedMap<Integer, Long> licensedByDay(SupplyResult r, int f) {
        return movedByDay(r, f, Stage.LICENCE, Stage.CAP);
    }

    /** @return the units of {@code firm} held at the licence limit at the end */
    static long waitingAtLimit(SupplyResult r, String firm) {
        return r.firm(firm).unitsAtEnd()[Stage.LICENCE_LIMIT.ordinal()];
    }

    static long moved(SupplyResult r, int f, Stage from, Stage to) {
        return movedByDay(r, f, from, to).values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return per whole day, the units produced that day */
    static SortedMap<Integer, Long> produced(SupplyResult r) {
        SortedMap<Integer, Long> m = new TreeMap<>();
        for (TraceEvent e : r.trace()) {
            if (e.kind() == TraceEvent.Kind.PRODUCED) {
                m.merge(wholeDay(e), e.units(), Long::sum);
            }
        }
        return m;
    }

    /** @return per licence key (firm or order index), the days it was granted, in order */
    static SortedMap<Integer, List<Integer>> grants(SupplyResult r) {
        SortedMap<Integer, List<Integer>> m = new TreeMap<>();
        for (TraceEvent e : r.trace()) {
            if (e.kind() == TraceEvent.Kind.LICENCE_GRANTED) {
                m.computeIfAbsent(e.other(), k -> new ArrayList<>()).add(wholeDay(e));
            }
        }
        return m;
    }

    /** Every delay is whole days: a trace time that is not a whole day is itself a failure. */
    private static int wholeDay(TraceEvent e) {
        assertEquals(Math.rint(e.time()), e.time(), "not at the start of a day: " + e);
        return (int) e.time();
    }

    /** @return {@code {day: units, ...}} from pairs, for expected maps */
    static SortedMap<Integer, Long> days(long... dayUnits) {
        SortedMap<Integer, Long> m = new TreeMap<>();
        for (int i = 0; i < dayUnits.length; i += 2) {
            m.merge((int) dayUnits[i], dayUnits[i + 1], Long::sum);
        }
        return m;
    }

    /** @return {@code units} on every day of {@code [from, to]}, added to {@code m} */
    static SortedMap<Integer, Long> each(SortedMap<Integer, Long> m, int from, int to, long units) {
        for (int t = from; t <= to; t++) {
            m.merge(t, units, Long::sum);
        }
        return m;
    }
}
