package dev.chipflow.supply;

import dev.chipflow.engine.Simulator;
import dev.chipflow.engine.StalledClockException;
import dev.chipflow.experiment.Replication;
import dev.chipflow.random.Bernoulli;
import dev.chipflow.random.Distribution;
import dev.chipflow.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The supply pipeline of docs/model.md wired onto the engine for one replication:
 *
 * <pre>
 * OrderBook -> ChinaApproval (approval, NDRC conditions) -> Conversion -> DomesticMarket (quota)
 *   -> LicenceLimit (per-firm cap, ceiling) -> NvidiaSupply (allocation) -> LicenceOffice (review) -> CapLedger
 *   -> TestLab -> Border (transit, customs) -> Deliveries
 * </pre>
 *
 * <p>Each stage draws only from its own named stream, so a run is a pure function of (scenario, seed) and two
 * scenarios compared with the same seed share their random numbers stage by stage.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder().capRatio(0.25).build();
 * SupplyResult r = SupplyModel.run(s, RandomStreams.of(42));
 * System.out.println(r.firm("ByteDance").delivered());
 * }</pre>
 */
public final class SupplyModel {

    /** Stream of the NDRC's condition-setting delays. */
    public static final String STREAM_NDRC = "ndrc.conditions";
    /** Stream of approval-to-purchase-order delays. */
    public static final String STREAM_CONVERSION = "china.conversion";
    /** Stream of US licence review times. */
    public static final String STREAM_LICENCE_REVIEW = "licence.review";
    /** Stream of US licence decisions. */
    public static final String STREAM_LICENCE_DECISION = "licence.decision";
    /** Stream of lab test durations. */
    public static final String STREAM_LAB_DURATION = "lab.duration";
    /** Stream of lab test per-unit durations. */
    public static final String STREAM_LAB_PER_UNIT = "lab.perUnit";
    /** Stream of lab test failures. */
    public static final String STREAM_LAB_FAILURE = "lab.failure";
    /** Stream of transit times. */
    public static final String STREAM_TRANSIT = "transit";
    /** Stream of customs clearance times. */
    public static final String STREAM_CUSTOMS = "customs.clearance";

    private final Scenario scenario;
    private final Simulator sim = new Simulator();
    private final Trace trace;
    private final Shipments shipments;
    private final Deliveries deliveries;
    private final TestLab lab;
    private final CapLedger cap;
    private final NvidiaSupply supply;
    private final DomesticMarket domestic;
    private final int days;
    private final DailySeries series;

    private SupplyModel(Scenario scenario, RandomStreams streams, boolean traceOn) {
        this.scenario = scenario;
        this.trace = traceOn ? Trace.recording() : Trace.OFF;
        int firms = scenario.firms().size();
        days = (int) scenario.horizonDays();
        series = new DailySeries(days, new double[firms][days], new double[days], new double[days],
                new double[days], new double[days], new double[days], new double[days], new double[days],
                new double[days]);
        long expected = 0;
        for (Firm f : scenario.firms()) {
            for (Order o : f.orders()) {
                expected += (o.units() + scenario.shipmentUnits() - 1) / scenario.shipmentUnits();
            }
        }
        shipments = new Shipments(sim, firms, trace, (int) Math.min(expected + 16, 1 << 22));
        // Before any stage schedules anything: a change on day D then acts first on day D.
        PolicyTimeline timeline = new PolicyTimeline(sim, scenario, steps(scenario), streams);
        deliveries = new Deliveries(sim, firms, shipments, days);
        Border border = new Border(sim, scenario, shipments, deliveries, sampler(streams, STREAM_TRANSIT,
                scenario.border().transitDays()), sampler(streams, STREAM_CUSTOMS, scenario.border().clearanceDays()));
        lab = new TestLab(sim, scenario, shipments, border, trace,
                sampler(streams, STREAM_LAB_DURATION, scenario.lab().baseDays()),
                sampler(streams, STREAM_LAB_PER_UNIT, scenario.lab().daysPerUnit()),
                new Bernoulli(scenario.lab().failureShare(), streams.stream(STREAM_LAB_FAILURE)));
        cap = scenario.lab().required()
                ? new CapLedger(sim, scenario, shipments, lab, Stage.LAB_QUEUE, trace)
                : new CapLedger(sim, scenario, shipments, border, Stage.TRANSIT, trace);
        int orderCount = scenario.firms().stream().mapToInt(f -> f.orders().size()).sum();
        LicenceOffice licence = new LicenceOffice(sim, scenario, shipments, cap, trace, orderCount,
                sampler(streams, STREAM_LICENCE_REVIEW, scenario.us().reviewDays()),
                new Bernoulli(scenario.us().approvalProbability(), streams.stream(STREAM_LICENCE_DECISION)));
        supply = new NvidiaSupply(sim, scenario, shipments, licence, trace);
        LicenceLimit limit = new LicenceLimit(scenario, shipments, supply);
        domestic = new DomesticMarket(sim, scenario, shipments, limit, licence);
        Conversion conversion = new Conversion(sim, scenario, shipments, domestic,
                sampler(streams, STREAM_CONVERSION, scenario.china().conversionDays()));
        ChinaApproval approval = new ChinaApproval(sim, scenario, shipments, conversion,
                sampler(streams, STREAM_NDRC, scenario.china().ndrcConditionDays()));
        timeline.bind(approval, conversion, domestic, limit, supply, licence, cap,
                scenario.lab().required() ? lab : null, border);
        // The stages hold one another and the simulator holds their handlers: no field needs to keep them.
        new OrderBook(sim, scenario, shipments, approval);
    }

    /** The last scenario whose timeline was resolved: replications of one scenario resolve it once. */
    private static volatile Resolved lastResolved;

    private record Resolved(Scenario scenario, List<Timeline.Step> steps) {
    }

    /** @return the rules in force from each day with a change (none without a timeline) */
    static List<Timeline.Step> steps(Scenario s) {
        if (s.timeline().isEmpty()) {
            return List.of();
        }
        Resolved r = lastResolved;
        if (r != null && r.scenario() == s) {
            return r.steps();
        }
        List<Timeline.Step> steps = s.timeline().steps(s.withoutTimeline());
        lastResolved = new Resolved(s, steps);
        return steps;
    }

    private static ContinuousSampler sampler(RandomStreams streams, String name, Distribution d) {
        return d.sampler(streams.stream(name));
    }

    /**
     * Runs one replication.
     *
     * @param scenario the scenario
     * @param streams  the replication's random streams
     * @return what came out
     */
    public static SupplyResult run(Scenario scenario, RandomStreams streams) {
        return run(scenario, streams, false);
    }

    /**
     * Runs one replication, optionally keeping the full trace of movements (memory then grows with the run).
     *
     * @param scenario the scenario
     * @param streams  the replication's random streams
     * @param trace    whether to keep every movement in {@link SupplyResult#trace()}
     * @return what came out
     * @throws StalledRunException if the clock stops moving (a bug, never a scenario's outcome): every run ends
     */
    public static SupplyResult run(Scenario scenario, RandomStreams streams, boolean trace) {
        return run(scenario, streams, trace, Simulator.DEFAULT_STALL_LIMIT);
    }

    /**
     * Runs one replication with a given stall limit.
     *
     * @throws StalledRunException if more than {@code stallLimit} events in a row run at one instant
     */
    static SupplyResult run(Scenario scenario, RandomStreams streams, boolean trace, long stallLimit) {
        SupplyModel m = new SupplyModel(scenario, streams, trace);
        m.sim.setStallLimit(stallLimit);
        try {
            // Day by day: every event before midnight runs, then the end of the day is sampled, without an event of
            // its own (a third of the events of a small run were samples). The horizon is half-open: an event at its
            // end instant belongs to the next day, outside the run.
            for (int d = 0; d < m.days; d++) {
                m.sim.runBefore(d + 1.0);
                m.sample(d);
            }
            m.sim.runBefore(scenario.horizonDays());
        } catch (StalledClockException e) {
            throw new StalledRunException(e, StalledRunException.stageOf(e.owner()));
        }
        return m.result();
    }

    /**
     * @param scenario the scenario
     * @return the scenario as a replication for any {@link dev.chipflow.experiment.ExperimentEngine}: a
     *         {@link ScenarioReplication}, which an engine that ships work to other processes can describe
     */
    public static Replication<SupplyResult> replication(Scenario scenario) {
        return new ScenarioReplication(scenario);
    }

    /** @return the names of the random streams the model draws from, sorted */
    public static List<String> streamNames() {
        List<String> names = new ArrayList<>(List.of(STREAM_NDRC, STREAM_CONVERSION, STREAM_LICENCE_REVIEW,
                STREAM_LICENCE_DECISION, STREAM_LAB_DURATION, STREAM_LAB_PER_UNIT, STREAM_LAB_FAILURE, STREAM_TRANSIT,
                STREAM_CUSTOMS));
        names.sort(null);
        return List.copyOf(names);
    }

    /** Samples the end of day {@code d}: the last representable instant before midnight. */
    private void sample(int d) {
        double t = Math.nextDown(d + 1.0);
        for (int f = 0; f < series.deliveredByFirm().length; f++) {
            series.deliveredByFirm()[f][d] = deliveries.delivered(f);
        }
        series.capHeadroom()[d] = cap.headroomAt(t);
        series.labQueue()[d] = lab.queued();
        series.labBusy()[d] = lab.busy();
        series.inventory()[d] = supply.inventory();
        series.chinaShipped()[d] = cap.chinaCumulative();
        series.usShipped()[d] = cap.usCumulative();
        series.chinaInWindow()[d] = cap.chinaWindowAt(t);
        series.usInWindow()[d] = cap.usWindowAt(t);
    }

    private SupplyResult result() {
        double now = sim.now();
        shipments.closeBooks();
        List<FirmResult> firms = new ArrayList<>();
        double deliveredUnits = 0;
        double exportedUnits = 0;
        double domesticBought = 0;
        for (int f = 0; f < scenario.firms().size(); f++) {
            long ordered = shipments.entered(f, Stage.APPROVAL);
            double[] wait = new double[Stage.WAITING_STAGES];
            long[] attributed = new long[Stage.WAITING_STAGES];
            long[] at = new long[Stage.values().length];
            for (Stage st : Stage.values()) {
                int k = f * Stage.values().length + st.ordinal();
                at[st.ordinal()] = shipments.unitsIn[k];
                if (st != Stage.DELIVERED) {
                    wait[st.ordinal()] = ordered == 0 ? 0 : shipments.unitDays[k] / ordered;
                    attributed[st.ordinal()] = shipments.attributed[k];
                }
            }
            long delivered = shipments.entered(f, Stage.DELIVERED);
            long exported = shipments.entered(f, Stage.TRANSIT);
            deliveredUnits += delivered;
            exportedUnits += exported;
            domesticBought += domestic.bought(f);
            firms.add(new FirmResult(scenario.firms().get(f).name(), ordered,
                    shipments.entered(f, Stage.CONDITIONS), shipments.entered(f, Stage.DOMESTIC_QUOTA),
                    shipments.entered(f, Stage.LICENCE), shipments.entered(f, Stage.CAP), exported, delivered,
                    domestic.bought(f), deliveries.meanLeadTime(f),
                    delivered == 0 ? Double.NaN : deliveries.leadTimeQuantile(f, 0.5),
                    delivered == 0 ? Double.NaN : deliveries.leadTimeQuantile(f, 0.9), wait, attributed,
                    shipments.unheld[f], at));
        }
        double policyStart = Calendar.day(scenario.us().policyStart());
        double revenue = exportedUnits * scenario.market().priceUsd();
        SystemResult system = new SystemResult(supply.inventoryStart(), supply.produced(), supply.inventory(),
                cap.usWindowAt(now), cap.chinaWindowAt(now), cap.headroom(),
                now > policyStart ? cap.bindingDays(now) / (now - policyStart) : 0,
                lab.meanQueue(now), lab.meanWait(), lab.meanBusy(now),
                lab.utilisation(now),
                lab.tests(), lab.failures(), domestic.produced(), domesticBought, revenue,
                revenue * scenario.market().usTakeShare(), Compute.h200Pflops(deliveredUnits),
                Compute.ascendPflops(domesticBought), sim.eventsExecuted());
        return new SupplyResult(scenario.name(), firms, system, series, trace.events());
    }
}
