package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.Simulator;
import dev.chipflow.random.Bernoulli;
import dev.chipflow.random.Distribution;
import dev.chipflow.random.RandomStreams;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Puts a scenario's {@link Timeline} into a run: at the start of each day with a change, the stages take the rules in
 * force from that day (what each change does is {@link Knob#onChange()}). Its events are scheduled before any stage's,
 * so a change on day D acts before everything else of day D, and the run before D is exactly the run without it.
 *
 * <p>A changed distribution gets a new sampler on the stage's own random stream, which goes on where it was: the
 * draws before D are the same with or without the change.
 */
final class PolicyTimeline {

    private final List<Timeline.Step> steps;
    private final RandomStreams streams;
    private Scenario inForce;
    private ChinaApproval approval;
    private Conversion conversion;
    private DomesticMarket domestic;
    private LicenceLimit limit;
    private NvidiaSupply supply;
    private LicenceOffice licence;
    private CapLedger cap;
    private TestLab lab;
    private Border border;
    private final EventHandler change = this::apply;

    /** Schedules one event per day with a change; call before any stage schedules its own. */
    PolicyTimeline(Simulator sim, Scenario scenario, List<Timeline.Step> steps, RandomStreams streams) {
        this.steps = steps;
        this.streams = streams;
        this.inForce = scenario;
        // Every change is dated within the horizon (Timeline refuses a later one), so each event runs.
        for (int i = 0; i < steps.size(); i++) {
            sim.scheduleAt(steps.get(i).day(), change, i);
        }
    }

    /** Hands over the stages the changes act on (null when the stage is not in the run: the lab). */
    void bind(ChinaApproval approval, Conversion conversion, DomesticMarket domestic, LicenceLimit limit,
            NvidiaSupply supply, LicenceOffice licence, CapLedger cap, TestLab lab, Border border) {
        this.approval = approval;
        this.conversion = conversion;
        this.domestic = domestic;
        this.limit = limit;
        this.supply = supply;
        this.licence = licence;
        this.cap = cap;
        this.lab = lab;
        this.border = border;
    }

    private void apply(int step) {
        Scenario was = inForce;
        Scenario now = steps.get(step).rules();
        inForce = now;
        // Every rule of the day is in place before any change lets units go, so that what a change releases meets the
        // day's rules downstream (a purchase order the quota lets go meets the day's licence review, per-firm cap and
        // cap ratio). First the rules that act only on what comes later: delays, probabilities and rates.
        if (!was.china().ndrcConditionDays().equals(now.china().ndrcConditionDays())) {
            approval.ndrcDays(sampler(SupplyModel.STREAM_NDRC, now.china().ndrcConditionDays()));
        }
        if (!was.china().conversionDays().equals(now.china().conversionDays())) {
            conversion.delay(sampler(SupplyModel.STREAM_CONVERSION, now.china().conversionDays()));
        }
        if (was.china().domesticOutputPerYear() != now.china().domesticOutputPerYear()) {
            domestic.outputPerYear(now.china().domesticOutputPerYear());
        }
        if (!was.us().reviewDays().equals(now.us().reviewDays())) {
            licence.reviewDays(sampler(SupplyModel.STREAM_LICENCE_REVIEW, now.us().reviewDays()));
        }
        if (was.us().approvalProbability() != now.us().approvalProbability()) {
            licence.approvalProbability(now.us().approvalProbability(), new Bernoulli(
                    now.us().approvalProbability(), streams.stream(SupplyModel.STREAM_LICENCE_DECISION)));
        }
        if (was.supply().productionUnitsPerWeek() != now.supply().productionUnitsPerWeek()) {
            supply.productionPerWeek(now.supply().productionUnitsPerWeek());
        }
        if (was.us().usUnitsPerWeek() != now.us().usUnitsPerWeek()) {
            cap.usUnitsPerWeek(now.us().usUnitsPerWeek());
        }
        if (lab != null) {
            applyLabDraws(was, now);
        }
        if (!was.border().transitDays().equals(now.border().transitDays())) {
            border.transitDays(sampler(SupplyModel.STREAM_TRANSIT, now.border().transitDays()));
        }
        if (!was.border().clearanceDays().equals(now.border().clearanceDays())) {
            border.clearanceDays(sampler(SupplyModel.STREAM_CUSTOMS, now.border().clearanceDays()));
        }
        // Then the rules that can let units go at once, downstream first: what each releases meets the stages after
        // it already under the day's rules, and behind the units that were waiting there.
        if (!was.border().customsBlocks().equals(now.border().customsBlocks())) {
            border.customsBlocks(now.border().customsBlocks());
        }
        if (lab != null && (was.lab().lotUnits() != now.lab().lotUnits() || was.lab().lines() != now.lab().lines())) {
            lab.capacity(now.lab().lines(), now.lab().lotUnits());
        }
        if (was.us().capSplit() != now.us().capSplit() || Double.compare(was.us().capRatio(), now.us().capRatio()) != 0) {
            cap.rules(now.us().capRatio(), now.us().capSplit());
        }
        if (was.supply().allocation() != now.supply().allocation()) {
            supply.allocation(now.supply().allocation());
        }
        if (was.us().perFirmCap() != now.us().perFirmCap()
                || was.us().totalCeiling() != now.us().totalCeiling()) {
            limit.limits(now.us().perFirmCap(), now.us().totalCeiling());
        }
        if (was.china().domesticRatio() != now.china().domesticRatio()) {
            domestic.ratio(now.china().domesticRatio());
        }
        if (was.china().conversionShare() != now.china().conversionShare()) {
            conversion.share(now.china().conversionShare());
        }
        if (was.china().conditionsFinalize() != now.china().conditionsFinalize()) {
            approval.conditionsFinalize(now.china().conditionsFinalize());
        }
    }

    private void applyLabDraws(Scenario was, Scenario now) {
        if (!was.lab().baseDays().equals(now.lab().baseDays())) {
            lab.baseDays(sampler(SupplyModel.STREAM_LAB_DURATION, now.lab().baseDays()));
        }
        if (!was.lab().daysPerUnit().equals(now.lab().daysPerUnit())) {
            lab.daysPerUnit(sampler(SupplyModel.STREAM_LAB_PER_UNIT, now.lab().daysPerUnit()));
        }
        if (was.lab().failureShare() != now.lab().failureShare()) {
            lab.failure(new Bernoulli(now.lab().failureShare(), streams.stream(SupplyModel.STREAM_LAB_FAILURE)));
        }
    }

    private ContinuousSampler sampler(String stream, Distribution d) {
        return Objects.requireNonNull(d).sampler(streams.stream(stream));
    }
}
