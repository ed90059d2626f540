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
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).day() < scenario.horizonDays()) {
                sim.scheduleAt(steps.get(i).day(), change, i);
            }
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
        if (!was.ndrcConditionDays().equals(now.ndrcConditionDays())) {
            approval.ndrcDays(sampler(SupplyModel.STREAM_NDRC, now.ndrcConditionDays()));
        }
        if (!was.conversionDays().equals(now.conversionDays())) {
            conversion.delay(sampler(SupplyModel.STREAM_CONVERSION, now.conversionDays()));
        }
        if (was.domesticOutputPerYear() != now.domesticOutputPerYear()) {
            domestic.outputPerYear(now.domesticOutputPerYear());
        }
        if (!was.licenceReviewDays().equals(now.licenceReviewDays())) {
            licence.reviewDays(sampler(SupplyModel.STREAM_LICENCE_REVIEW, now.licenceReviewDays()));
        }
        if (was.licenceApprovalProbability() != now.licenceApprovalProbability()) {
            licence.approvalProbability(now.licenceApprovalProbability(), new Bernoulli(
                    now.licenceApprovalProbability(), streams.stream(SupplyModel.STREAM_LICENCE_DECISION)));
        }
        if (was.productionUnitsPerWeek() != now.productionUnitsPerWeek()) {
            supply.productionPerWeek(now.productionUnitsPerWeek());
        }
        if (was.usUnitsPerWeek() != now.usUnitsPerWeek()) {
            cap.usUnitsPerWeek(now.usUnitsPerWeek());
        }
        if (lab != null) {
            applyLabDraws(was, now);
        }
        if (!was.transitDays().equals(now.transitDays())) {
            border.transitDays(sampler(SupplyModel.STREAM_TRANSIT, now.transitDays()));
        }
        if (!was.customsClearanceDays().equals(now.customsClearanceDays())) {
            border.clearanceDays(sampler(SupplyModel.STREAM_CUSTOMS, now.customsClearanceDays()));
        }
        // Then the rules that can let units go at once, downstream first: what each releases meets the stages after
        // it already under the day's rules, and behind the units that were waiting there.
        if (lab != null && (was.labLotUnits() != now.labLotUnits() || was.labLines() != now.labLines())) {
            lab.capacity(now.labLines(), now.labLotUnits());
        }
        if (was.capSplit() != now.capSplit() || Double.compare(was.capRatio(), now.capRatio()) != 0) {
            cap.rules(now.capRatio(), now.capSplit());
        }
        if (was.allocation() != now.allocation()) {
            supply.allocation(now.allocation());
        }
        if (was.licencePerFirmCap() != now.licencePerFirmCap()
                || was.licenceTotalCeiling() != now.licenceTotalCeiling()) {
            limit.limits(now.licencePerFirmCap(), now.licenceTotalCeiling());
        }
        if (was.domesticRatio() != now.domesticRatio()) {
            domestic.ratio(now.domesticRatio());
        }
        if (was.conversionShare() != now.conversionShare()) {
            conversion.share(now.conversionShare());
        }
        if (was.conditionsFinalize() != now.conditionsFinalize()) {
            approval.conditionsFinalize(now.conditionsFinalize());
        }
    }

    private void applyLabDraws(Scenario was, Scenario now) {
        if (!was.labBaseDays().equals(now.labBaseDays())) {
            lab.baseDays(sampler(SupplyModel.STREAM_LAB_DURATION, now.labBaseDays()));
        }
        if (!was.labDaysPerUnit().equals(now.labDaysPerUnit())) {
            lab.daysPerUnit(sampler(SupplyModel.STREAM_LAB_PER_UNIT, now.labDaysPerUnit()));
        }
        if (was.labFailureShare() != now.labFailureShare()) {
            lab.failure(new Bernoulli(now.labFailureShare(), streams.stream(SupplyModel.STREAM_LAB_FAILURE)));
        }
    }

    private ContinuousSampler sampler(String stream, Distribution d) {
        return Objects.requireNonNull(d).sampler(streams.stream(stream));
    }
}
