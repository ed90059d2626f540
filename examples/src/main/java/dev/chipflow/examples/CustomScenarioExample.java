package dev.chipflow.examples;

import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.random.Distribution;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Approval;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Order;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

public final class CustomScenarioExample {

    /** A distribution of one's own: at least {@code shift} days, then exponential with mean {@code mean}. */
    record ShiftedExponential(double shift, double mean) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            ContinuousSampler exp = ZigguratSampler.Exponential.of(rng, mean);
            return () -> shift + exp.sample();
        }

        @Override
        public double mean() {
            return shift + mean;
        }

        @Override
        public double variance() {
            return mean * mean;
        }

        @Override
        public double min() {
            return shift;
        }

        @Override
        public double max() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public String spec() {
            return "shifted-exp(" + shift + "," + mean + ")";
        }
    }

    /** Two firms, their orders and China's approvals; new delay distributions; a rule that changes mid-year. */
    public static Scenario scenario() {
        Firm alpha = new Firm("Alpha", List.of(new Order(LocalDate.of(2026, 1, 20), 40_000)),
                List.of(new Approval(LocalDate.of(2026, 2, 1), 40_000, false)), 0);
        Firm beta = new Firm("Beta", List.of(new Order(LocalDate.of(2026, 2, 10), 60_000)),
                List.of(new Approval(LocalDate.of(2026, 3, 1), 30_000, false)), 1);
        return Scenario.builder()
                .name("two-firms")
                .firms(List.of(alpha, beta))
                .licenceReviewDays(Distribution.parse("weibull(1.5,60)"))
                .labBaseDays(Distribution.parse("erlang(3,10)"))
                .transitDays(new ShiftedExponential(3, 2))
                .change(LocalDate.of(2026, 9, 1), "cap.ratio", "0.25")
                .build();
    }

    public static void main(String[] args) {
        Scenario s = scenario();
        List<SupplyResult> reps = ReplicationRunner.allCores().run(20, 2026, SupplyModel.replication(s));
        SummaryTable table = SummaryTable.of(reps);
        for (Firm f : s.firms()) {
            Summary d = table.get(f.name() + ".delivered");
            System.out.printf("%s: %.0f of %d units delivered, 95%% CI [%.0f, %.0f]%n", f.name(), d.mean(),
                    f.orderedUnits(), d.lower(), d.upper());
        }
    }
}
