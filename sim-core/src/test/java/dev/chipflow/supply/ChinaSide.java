package dev.chipflow.supply;

import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Shared tools of the China-side rule tests: a scenario with every stage after China out of the way, and readers of
 * the trace. Dates map to day numbers as in {@link Calendar}: 2026-01-01 is day 0, a date is the day at its start.
 */
final class ChinaSide {

    private ChinaSide() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** @return the day number of the start of the date */
    static double day(String iso) {
        return Calendar.day(d(iso));
    }

    static Order order(String date, long units) {
        return new Order(d(date), units);
    }

    static Approval finalApproval(String date, long units) {
        return new Approval(d(date), units, false);
    }

    static Approval conditional(String date, long units) {
        return new Approval(d(date), units, true);
    }

    static Firm firm(String name, List<Order> orders, List<Approval> approvals) {
        return new Firm(name, orders, approvals, 0);
    }

    /**
     * Every delay zero; no clearance to wait for (2026-01-01), every final unit converted, no domestic quota; after
     * China nothing holds a unit back: unlimited licences and inventory, US policy from day 0, no cap, no lab, no
     * customs block. Each test switches on only the rule it is about.
     */
    static Scenario.Builder quiet() {
        return Scenario.builder().noDelays().chinaClearance(d("2026-01-01")).conditionsFinalize(true)
                .conversionShare(1.0).domesticRatio(0).domesticInitialStock(0).domesticOutputPerYear(0)
                .licencePolicyStart(d("2026-01-01")).licencePerFirmCap(Long.MAX_VALUE)
                .licenceTotalCeiling(Long.MAX_VALUE).licenceApprovalProbability(1)
                .inventoryUnits(Scenario.MAX_UNITS).productionStart(null).productionHalts(List.of())
                .capRatio(Double.POSITIVE_INFINITY).labRequired(false).labLines(Integer.MAX_VALUE)
                .labFailureShare(0).customsBlocks(List.of());
    }

    /** Runs with the full trace; a fixed seed (the quiet scenarios draw nothing that matters). */
    static SupplyResult run(Scenario s) {
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(20260101), true);
        TraceReplay.check(s, r);
        return r;
    }

    /** @return the firm's MOVED events from one stage to another, in trace order */
    static List<TraceEvent> moves(Scenario s, SupplyResult r, String firm, Stage from, Stage to) {
        int f = s.firmIndex(firm);
        return r.trace().stream().filter(e -> e.kind() == TraceEvent.Kind.MOVED && e.firm() == f
                && e.from() == from && e.to() == to).collect(Collectors.toList());
    }

    /** @return the firm's CREATED events (shipments cut from its orders), in trace order */
    static List<TraceEvent> created(Scenario s, SupplyResult r, String firm) {
        int f = s.firmIndex(firm);
        return r.trace().stream().filter(e -> e.kind() == TraceEvent.Kind.CREATED && e.firm() == f)
                .collect(Collectors.toList());
    }

    /** @return units moved, summed per instant (day), in time order */
    static Map<Double, Long> unitsByDay(List<TraceEvent> moves) {
        return moves.stream().collect(Collectors.groupingBy(TraceEvent::time, TreeMap::new,
                Collectors.summingLong(TraceEvent::units)));
    }

    /** @return the units of each move, in trace order */
    static List<Long> units(List<TraceEvent> moves) {
        return moves.stream().map(TraceEvent::units).collect(Collectors.toList());
    }

    static long total(List<TraceEvent> moves) {
        return moves.stream().mapToLong(TraceEvent::units).sum();
    }

    /** @return the firm's units in a stage at the end of the run */
    static long atEnd(SupplyResult r, String firm, Stage st) {
        return r.firm(firm).unitsAtEnd()[st.ordinal()];
    }
}
