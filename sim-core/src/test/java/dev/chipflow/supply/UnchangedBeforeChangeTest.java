package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.random.RandomStreams;
import dev.chipflow.supply.SupplyInvariantsPropertyTest.ChangeSpec;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A change dated D acts from the start of day D and leaves the run before D untouched: two runs of one scenario with
 * one seed, one of them with a timeline whose changes all date from D on, agree on every daily series up to the end of
 * day D - 1 and on every trace event before day D. The scenarios are those of {@link SupplyInvariantsPropertyTest}
 * (without their own timeline), the changes those it draws ({@link SupplyInvariantsPropertyTest#changes()}): one to
 * three, the first on day D (uniform from day 1 to the horizon's last day), the others on D or later.
 *
 * <p>The property would hold vacuously if the changes changed nothing: it fails unless the series differ from day D
 * on in at least {@value #MIN_EFFECTIVE}% of the tries.
 */
class UnchangedBeforeChangeTest {

    /** The changes must change some daily series from D on in at least this share of the tries, percent. */
    private static final double MIN_EFFECTIVE = 30;

    /**
     * A scenario without a timeline; D, in thousandths of the way from day 1 to the horizon's last day; the changes
     * (their own date left aside) and the days after D of all but the first, which falls on D.
     */
    record Case(Scenario base, int dayPermille, List<ChangeSpec> c, List<Integer> later) {
        int day() {
            int last = (int) base.horizonDays() - 1;
            return 1 + (int) ((long) dayPermille * (last - 1) / 1000);
        }

        Scenario changed() {
            Scenario.Builder b = base.toBuilder();
            int last = (int) base.horizonDays() - 1;
            Set<String> dated = new HashSet<>();
            for (int i = 0; i < c.size(); i++) {
                LocalDate date = Calendar.EPOCH.plusDays(Math.min(last, day() + (i == 0 ? 0 : later.get(i - 1))));
                if (dated.add(c.get(i).knob() + "@" + date)) {
                    b.change(date, c.get(i).knob(), c.get(i).value());
                }
            }
            return b.build();
        }

        @Override
        public String toString() {
            return "D = day " + day() + ", changes " + changed().timeline().changes() + ", base: " + base;
        }
    }

    @Property(tries = 200, seed = "20260102", edgeCases = EdgeCasesMode.NONE,
            afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void aRunBeforeItsFirstChangeIsTheRunWithoutIt(@ForAll("cases") Case c, @ForAll long seed) {
        Scenario base = c.base();
        Scenario changed = c.changed();
        int d = c.day();
        SupplyResult before = SupplyModel.run(base, RandomStreams.of(seed), true);
        SupplyResult after = SupplyModel.run(changed, RandomStreams.of(seed), true);

        List<TraceEvent> a = before.trace().stream().filter(e -> e.time() < d).toList();
        List<TraceEvent> b = after.trace().stream().filter(e -> e.time() < d).toList();
        assertEquals(a.size(), b.size(), "events before day " + d);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "trace event " + i + " before day " + d);
        }
        double[][] x = series(before.series());
        double[][] y = series(after.series());
        boolean differAfter = false;
        for (int k = 0; k < x.length; k++) {
            assertArrayEquals(Arrays.copyOf(x[k], d), Arrays.copyOf(y[k], d), "daily series " + k + " before day " + d);
            differAfter |= !Arrays.equals(x[k], y[k]);
        }
        Statistics.label("series differ from D on").collect(differAfter);
        Statistics.label("series differ from D on")
                .coverage(k -> k.check(true).percentage(p -> p >= MIN_EFFECTIVE));
        Statistics.label("trace differs from D on").collect(!before.trace().equals(after.trace()));
    }

    /** Every array of the daily series: per firm delivered, then the system series, in declaration order. */
    private static double[][] series(DailySeries s) {
        double[][] firms = s.deliveredByFirm();
        double[][] all = Arrays.copyOf(firms, firms.length + 9);
        double[][] system = {s.capHeadroom(), s.labQueue(), s.labBusy(), s.inventory(), s.chinaShipped(),
            s.usShipped(), s.chinaInWindow(), s.usInWindow()};
        System.arraycopy(system, 0, all, firms.length, system.length);
        all[all.length - 1] = new double[] {s.days()};
        return all;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Scenario> base = new SupplyInvariantsPropertyTest().cases()
                .map(c -> c.scenario().withoutTimeline());
        // Half the later changes on D too, the others up to 120 days after it.
        Arbitrary<Integer> later = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 120)));
        return Combinators.combine(base, Arbitraries.integers().between(0, 1000),
                SupplyInvariantsPropertyTest.changes().list().ofMinSize(1).ofMaxSize(3), later.list().ofSize(2))
                .as(Case::new);
    }
}
