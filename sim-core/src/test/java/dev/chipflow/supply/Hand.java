package dev.chipflow.supply;

import dev.chipflow.random.Fixed;
import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Tiny hand-made scenarios for the rule tests: every stage is out of the way (no delay, no limit, no cap, no lab
 * queue, no block) until a test switches one on, so that the test's derivation only has to follow the rule under
 * test. Day 0 is 2026-01-01 00:00; {@link #day(int)} gives the date whose start is a day number.
 */
final class Hand {

    private Hand() {
    }

    /** @return the date that starts day {@code n} (day 0 = 2026-01-01) */
    static LocalDate day(int n) {
        return Calendar.EPOCH.plusDays(n);
    }

    /** @return a fixed delay of {@code days} */
    static Fixed fixed(double days) {
        return new Fixed(days);
    }

    /**
     * Nothing holds a unit back: China clears on day 0, approvals are final, everything converts at once, no
     * domestic quota, unlimited Nvidia inventory, licences granted at once from day 0, no cap, no limit, the lab is
     * required but has unlimited lines, one huge lot and zero duration, no failures, zero transit and customs, no
     * blocks. Horizon: 2026-03-31 (days [0, 90)).
     */
    static Scenario.Builder base() {
        return Scenario.builder().name("hand").horizonEnd(LocalDate.of(2026, 3, 31)).noDelays()
                .chinaClearance(Calendar.EPOCH).conditionsFinalize(true).conversionShare(1).domesticRatio(0)
                .domesticOutputPerYear(0).domesticInitialStock(0).inventoryUnits(100_000_000)
                .productionStart(null).productionHalts(List.of()).allocation(AllocationPolicy.FCFS)
                .licencePolicyStart(Calendar.EPOCH).licenceScope(LicenceScope.FIRM).licenceApprovalProbability(1)
                .licencePerFirmCap(Long.MAX_VALUE).licenceTotalCeiling(Long.MAX_VALUE)
                .capRatio(Double.POSITIVE_INFINITY).capRollingDays(0).capSplit(false).usUnitsPerWeek(0)
                .labRequired(true).labLines(Integer.MAX_VALUE).labLotUnits(1_000_000_000).labFailureShare(0)
                .customsBlocks(List.of()).shipmentUnits(10_000_000);
    }

    /**
     * A firm with one final approval, on {@code approvedOn}, of exactly the units it orders.
     *
     * @param orders pairs (day of the order, units)
     */
    static Firm firm(String name, int approvedOn, long... orders) {
        List<Order> list = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < orders.length; i += 2) {
            list.add(new Order(day((int) orders[i]), orders[i + 1]));
            total += orders[i + 1];
        }
        return new Firm(name, list, List.of(new Approval(day(approvedOn), total, false)), 0);
    }

    /** Runs with the full trace on. */
    static SupplyResult run(Scenario s, long seed) {
        return SupplyModel.run(s, RandomStreams.of(seed), true);
    }

    static SupplyResult run(Scenario s) {
        return run(s, 1);
    }

    /** @return the MOVED entries from {@code from} to {@code to}, in order */
    static List<TraceEvent> moves(SupplyResult r, Stage from, Stage to) {
        return select(r, e -> e.kind() == TraceEvent.Kind.MOVED && e.from() == from && e.to() == to);
    }

    /**
     * @return the cap's releases as "time:units", in order: under {@link #base()} a shipment leaves the cap for the
     *         lab queue, so a release is a CAP -> LAB_QUEUE move
     */
    static List<String> releases(SupplyResult r) {
        return timesAndUnits(moves(r, Stage.CAP, Stage.LAB_QUEUE));
    }

    /** @return the trace entries of one kind, in order */
    static List<TraceEvent> kind(SupplyResult r, TraceEvent.Kind kind) {
        return select(r, e -> e.kind() == kind);
    }

    static List<TraceEvent> select(SupplyResult r, Predicate<TraceEvent> p) {
        return r.trace().stream().filter(p).toList();
    }

    /** @return "time:units" of each entry, e.g. {@code [21.0:40, 28.0:40]}, for readable literal comparisons */
    static List<String> timesAndUnits(List<TraceEvent> events) {
        return events.stream().map(e -> e.time() + ":" + e.units()).toList();
    }

    /** @return the firm's index, or -1 for entries without one */
    static List<String> timesFirmsAndUnits(List<TraceEvent> events) {
        return events.stream().map(e -> e.time() + ":" + e.firm() + ":" + e.units()).toList();
    }
}
