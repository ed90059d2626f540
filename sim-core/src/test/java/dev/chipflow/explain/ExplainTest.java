package dev.chipflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Explain} on the {@code orders-placed} reading of 2026 (the builder's defaults): the Shapley values sum
 * exactly to what lifting every rule gains, in every replication, date and firm; the results do not depend on the
 * thread count; a budget that allows every subset gives the exact analysis; the budget arithmetic.
 */
class ExplainTest {

    private static final List<Rule> RULES = List.of(Rule.values());

    /**
     * Two replications on one thread and on two: the same numbers to the last bit (each subset's replication i runs
     * on the streams of (seed, i) wherever it runs). In each, sum over rules of phi = v(all) - v(none) to rounding
     * (1e-6 units against shortfalls of about 1,900,000), and shortfall = what the rules hold + what no rule holds.
     */
    @Test
    void valuesSumToWhatLiftingEveryRuleGainsInEveryReplicationWhateverTheThreads() {
        Scenario s = Scenario.builder().name("orders-placed-like").build();
        List<LocalDate> dates = Explain.defaultDates(s);
        AtomicInteger progress = new AtomicInteger();
        Explanation one = Explain.exact(new ReplicationRunner(1, Progress.NONE), s, RULES, dates, 2, 42);
        Explanation two = Explain.exact(new ReplicationRunner(2, (done, total) -> progress.set(total)), s, RULES,
                dates, 2, 42);
        assertEquals(2048, progress.get(), "1,024 subsets x 2 replications");
        assertEquals(List.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31)), one.dates());
        for (int rep = 0; rep < 2; rep++) {
            for (int d = 0; d < 2; d++) {
                for (int f = 0; f <= one.firms().size(); f++) {
                    double sum = 0;
                    for (int r = 0; r < RULES.size(); r++) {
                        sum += one.shapley(rep, r, d, f);
                        assertEquals(one.shapley(rep, r, d, f), two.shapley(rep, r, d, f), "threads change nothing");
                    }
                    double gain = one.allLifted(rep, d, f) - one.asIs(rep, d, f);
                    assertEquals(gain, sum, 1e-6, "rep " + rep + ", date " + d + ", firm " + f);
                }
            }
        }
        for (int d = 0; d < 2; d++) {
            int all = one.all();
            assertEquals(one.shortfall(d, all).mean(), one.explained(d, all).mean() + one.unexplained(d, all).mean(),
                    1e-6);
            assertTrue(one.shortfall(d, all).mean() > 1_000_000, "most of the 2,000,000 ordered are held back");
        }
    }

    /** A budget of every subset in every replication runs the exact analysis, with the same numbers. */
    @Test
    void aBudgetOfEverySubsetIsTheExactAnalysis() {
        Scenario s = Knobs.set(Scenario.builder().name("small").build(), "horizon.end", "2026-03-31");
        List<LocalDate> dates = List.of(LocalDate.of(2026, 3, 31));
        ReplicationRunner runner = new ReplicationRunner(2, Progress.NONE);
        Explanation exact = Explain.exact(runner, s, RULES, dates, 1, 7);
        Explanation budget = Explain.run(runner, s, RULES, dates, 1, 7, 1024);
        assertTrue(budget.exact());
        assertEquals(1024, budget.runs());
        for (int r = 0; r < RULES.size(); r++) {
            assertEquals(exact.shapley(r, 0, exact.all()), budget.shapley(r, 0, budget.all()));
        }
    }

    /**
     * Ten rules: 2^10 = 1,024 subsets; 22 shared ones per replication (none, all, 10 alone, 10 all-but-one); each
     * random order adds at most its prefixes of 2 to 8 rules, 7 runs.
     */
    @Test
    void budgetArithmetic() {
        assertEquals(0, Explain.permutations(10, 20, 0), "no budget: exact");
        assertEquals(0, Explain.permutations(10, 20, 20_480), "room for every subset: exact");
        assertEquals(143, Explain.permutations(10, 20, 20_479), "(1,023 - 22) / 7 = 143 per replication");
        assertEquals(142, Explain.permutations(10, 20, 20_440), "(1,022 - 22) / 7, rounded down");
        // 29 runs per replication: the 22 shared subsets and one order's 7, (29 - 22) / 7 = 1; with 92, 70 / 7 = 10.
        assertEquals(1, Explain.permutations(10, 20, 20 * 29));
        assertEquals(10, Explain.permutations(10, 20, 20 * (22 + 70)));
        assertEquals(20 * 29, Explain.minimumBudget(10, 20));
        assertEquals(20 * (22 + 7 * 10), Explain.runs(10, 20, 20 * (22 + 70)));
        assertThrows(IllegalArgumentException.class, () -> Explain.permutations(10, 20, 20 * 29 - 1));
        assertThrows(IllegalArgumentException.class, () -> Explain.permutations(10, 2_000, 0),
                "2,048,000 runs is above the limit");
        assertThrows(IllegalArgumentException.class, () -> Explain.permutations(3, 2, 15),
                "three rules: 8 subsets are all the cheap views need, so nothing can be sampled");
        Scenario s = Scenario.builder().build();
        assertThrows(IllegalArgumentException.class,
                () -> Explain.checkDates(s, List.of(LocalDate.of(2027, 1, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> Explain.checkDates(s, List.of(LocalDate.of(2025, 12, 31))));
        assertEquals(List.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 1)), Explain.checkDates(s,
                List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 1))));
    }
}
