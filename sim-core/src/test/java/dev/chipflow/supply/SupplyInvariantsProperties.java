package dev.chipflow.supply;

import dev.chipflow.random.Fixed;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.random.Triangular;
import dev.chipflow.random.Exponential;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * MODEL.md's invariants after every replication of many randomly generated valid scenarios: conservation, the cap at
 * every instant, and no firm above what it ordered, was approved or was licensed. Each try runs the model with the
 * full trace on and replays it independently ({@link TraceReplay}).
 */
class SupplyInvariantsProperties {

    @Property(tries = 400, seed = "20260101")
    void invariantsHoldInEveryReplication(@ForAll("scenarios") Scenario scenario, @ForAll long seed) {
        SupplyResult r = SupplyModel.run(scenario, RandomStreams.of(seed), true);
        TraceReplay.check(scenario, r);
        TraceReplay.checkBooks(scenario, r);
    }

    private static LocalDate day(int d) {
        return Calendar.EPOCH.plusDays(d);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Firm> firm = Combinators.combine(
                Arbitraries.integers().between(0, 60).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(1, 40_000).list().ofMinSize(3).ofMaxSize(3),
                Arbitraries.integers().between(0, 90).list().ofMaxSize(2),
                Arbitraries.integers().between(1, 60_000).list().ofMinSize(2).ofMaxSize(2),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 5))
                .as((orderDays, orderUnits, approvalDays, approvalUnits, conditional, priority) -> {
                    List<Order> orders = new ArrayList<>();
                    for (int i = 0; i < orderDays.size(); i++) {
                        orders.add(new Order(day(orderDays.get(i)), orderUnits.get(i)));
                    }
                    List<Approval> approvals = new ArrayList<>();
                    for (int i = 0; i < approvalDays.size(); i++) {
                        approvals.add(new Approval(day(approvalDays.get(i)), approvalUnits.get(i), conditional));
                    }
                    return new Firm("F", orders, approvals, priority);
                });
        Arbitrary<List<Firm>> firms = firm.list().ofMinSize(1).ofMaxSize(5).map(list -> {
            List<Firm> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Firm f = list.get(i);
                named.add(new Firm("F" + i, f.orders(), f.approvals(), f.priority()));
            }
            return named;
        });
        return Builders.withBuilder(Scenario::builder)
                .use(firms).in((b, v) -> b.firms(v))
                .use(Arbitraries.integers().between(60, 400)).in((b, v) -> b.horizonEnd(day(v)))
                .use(Arbitraries.of(true, false)).in((b, v) -> b.conditionsFinalize(v))
                .use(Arbitraries.doubles().between(0, 1)).in((b, v) -> b.conversionShare(v))
                .use(Arbitraries.doubles().between(0, 2)).in((b, v) -> b.domesticRatio(v))
                .use(Arbitraries.doubles().between(0, 800_000)).in((b, v) -> b.domesticOutputPerYear(v))
                .use(Arbitraries.longs().between(0, 200_000)).in((b, v) -> b.inventoryUnits(v))
                .use(Arbitraries.integers().between(0, 200).injectNull(0.3))
                .in((b, v) -> b.productionStart(v == null ? null : day(v)))
                .use(Arbitraries.doubles().between(0, 30_000)).in((b, v) -> b.productionUnitsPerWeek(v))
                .use(Arbitraries.of(AllocationPolicy.values())).in((b, v) -> b.allocation(v))
                .use(Arbitraries.of(LicenceScope.values())).in((b, v) -> b.licenceScope(v))
                .use(Arbitraries.doubles().between(0.05, 1)).in((b, v) -> b.licenceApprovalProbability(v))
                .use(Arbitraries.longs().between(0, 80_000).injectNull(0.5))
                .in((b, v) -> b.licencePerFirmCap(v == null ? Long.MAX_VALUE : v))
                .use(Arbitraries.longs().between(0, 200_000).injectNull(0.5))
                .in((b, v) -> b.licenceTotalCeiling(v == null ? Long.MAX_VALUE : v))
                .use(Arbitraries.doubles().between(0, 1.5)).in((b, v) -> b.capRatio(v))
                .use(Arbitraries.of(0, 0, 14, 30, 90)).in((b, v) -> b.capRollingDays(v))
                .use(Arbitraries.of(true, false)).in((b, v) -> b.capSplit(v))
                .use(Arbitraries.longs().between(0, 40_000)).in((b, v) -> b.usUnitsPerWeek(v))
                .use(Arbitraries.of(true, false)).in((b, v) -> b.labRequired(v))
                .use(Arbitraries.of(1, 2, 4, 20, Integer.MAX_VALUE)).in((b, v) -> b.labLines(v))
                .use(Arbitraries.of(new Fixed(0), new Exponential(5), new Triangular(3, 10, 42)))
                .in((b, v) -> b.labBaseDays(v))
                .use(Arbitraries.doubles().between(0, 0.3)).in((b, v) -> b.labFailureShare(v))
                .use(Arbitraries.of(new Fixed(0), new Triangular(3, 5, 10)))
                .in((b, v) -> b.transitDays(v).customsClearanceDays(v))
                .use(Arbitraries.integers().between(0, 300).list().ofMaxSize(2))
                .in((b, v) -> b.customsBlocks(v.stream().map(d -> new DateWindow(day(d), day(d + 20))).toList()))
                .use(Arbitraries.of(8, 800, 8_000)).in((b, v) -> b.shipmentUnits(v))
                .build(Scenario.Builder::build);
    }
}
