package dev.chipflow.report;

import dev.chipflow.supply.DailySeries;
import dev.chipflow.supply.FirmResult;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyResult;
import dev.chipflow.supply.SystemResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hand-made results for report tests, independent of the model: every firm of the scenario gets counts that shrink
 * along the pipeline, a cumulative delivery series that ramps up, and attribution in two stages. The last firm never
 * gets anything; DeepSeek gets nothing in odd replications (so its lead time is defined in some only). Lead
 * times: median = mean - 5 days, 90th percentile = mean + 20.
 */
final class FakeResults {

    private FakeResults() {
    }

    static List<SupplyResult> of(Scenario s, int replications, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SupplyResult> out = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            out.add(one(s, rng, r));
        }
        return out;
    }

    static SupplyResult one(Scenario s, SplittableRandom rng, int replication) {
        int days = (int) s.horizonDays();
        int n = s.firms().size();
        double[][] delivered = new double[n][days];
        List<FirmResult> firms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ordered = s.firms().get(i).orderedUnits();
            long approved = ordered / 2;
            long converted = approved / 2;
            boolean halfOfThem = s.firms().get(i).name().equals("DeepSeek");
            long d = i == n - 1 || (halfOfThem && replication % 2 == 1) ? 0 : 8_000L * rng.nextInt(1, 6);
            d = Math.min(d, converted);
            int start = 120 + rng.nextInt(30);
            for (int t = start; t < days; t++) {
                delivered[i][t] = Math.min(d, d * (t - start + 1) / 60.0);
            }
            if (days > 0) {
                delivered[i][days - 1] = d;
            }
            long[] attributed = new long[Stage.WAITING_STAGES];
            attributed[Stage.APPROVAL.ordinal()] = ordered - approved;
            attributed[Stage.CONVERSION.ordinal()] = approved - converted;
            // A tenth of the converted units never waited anywhere (unheld), the rest waited longest at the cap.
            long unheld = converted / 10;
            attributed[Stage.CAP.ordinal()] = converted - unheld;
            long[] atEnd = new long[Stage.values().length];
            atEnd[Stage.APPROVAL.ordinal()] = ordered - approved;
            atEnd[Stage.CONVERSION.ordinal()] = approved - d;
            atEnd[Stage.DELIVERED.ordinal()] = d;
            double[] wait = new double[Stage.WAITING_STAGES];
            wait[Stage.CAP.ordinal()] = rng.nextDouble() * 30;
            double lead = d > 0 ? 100 + rng.nextDouble() * 50 : Double.NaN;
            firms.add(new FirmResult(s.firms().get(i).name(), ordered, approved, converted, converted, d, d, d,
                    converted * 1.0, lead, lead - 5, lead + 20, wait, attributed, unheld, atEnd));
        }
        double[] head = new double[days];
        double[] queue = new double[days];
        double[] busy = new double[days];
        double[] inv = new double[days];
        double[] china = new double[days];
        double[] us = new double[days];
        for (int t = 0; t < days; t++) {
            head[t] = 1000 * t - rng.nextInt(500);
            queue[t] = rng.nextInt(5);
            busy[t] = Math.min(4, queue[t]);
            inv[t] = 700_000 - 100 * t;
            us[t] = 2857.0 * t;
            china[t] = 0.4 * us[t];
        }
        SystemResult sys = new SystemResult(700_000, 0, 700_000 - 100 * days, us[days - 1], china[days - 1],
                head[days - 1], rng.nextDouble(), rng.nextDouble() * 3, rng.nextDouble() * 10, 2, 0.5, 100, 2,
                600_000, 1000, 1e9, 2.5e8, 10, 5, 123_456);
        return new SupplyResult(s.name(), firms, sys, new DailySeries(days, delivered, head, queue, busy, inv, china,
                us, china, us), List.of());
    }
}
