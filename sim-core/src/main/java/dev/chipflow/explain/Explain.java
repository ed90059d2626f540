package dev.chipflow.explain;

import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.supply.Calendar;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Order;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Which rule holds the units back, by counterfactuals: the scenario is run with every subset of the rules lifted
 * ({@link Rule#lift}), the value of a subset being the units delivered by each analysis date, per firm and in all,
 * and each rule's share of the shortfall is its Shapley value ({@link Shapley}).
 *
 * <p>Common random numbers: replication {@code i} of every subset runs on {@link RandomStreams#forReplication} of
 * (seed, i), so the differences between subsets are the rules' effects, not noise. The Shapley values are computed per
 * replication and summarised over the replications. The subsets run in parallel on an {@link ExperimentEngine} (a local {@link ReplicationRunner} or another); the
 * results do not depend on its thread count.
 *
 * <p><b>Exact</b> runs all {@code 2^n} subsets per replication. <b>Sampled</b>, for a budget of model runs below
 * that, draws random orders of the rules per replication (stream {@value #PERMUTATION_STREAM} of the replication's
 * streams) and averages each rule's marginal contribution along them. An order passes through {@code n + 1} subsets;
 * the empty one, the full one, those of one rule and those of all rules but one (the {@code 2n + 2} subsets the
 * cheap views need too) are run once per replication, so each order adds at most {@code n - 3} runs per
 * replication. Each replication's mean over its own orders is an unbiased estimate of its exact Shapley value, and
 * the replications are independent, so the 95% interval over replications covers both the model's noise and the
 * sampling of orders.
 */
public final class Explain {

    /** The most model runs one analysis may make. */
    public static final long MAX_RUNS = 1L << 20;
    /** The random stream of each replication from which its orders of the rules are drawn. */
    public static final String PERMUTATION_STREAM = "explain.permutations";

    private Explain() {
    }

    /**
     * The analysis dates used when none are given.
     *
     * @param s the scenario to explain; its {@code horizon.end} is the last date
     * @return {@link Calendar#MID_YEAR} (2026-06-30) if it falls before {@code s}'s horizon end, then the horizon end, in order
     */
    public static List<LocalDate> defaultDates(Scenario s) {
        return new ArrayList<>(Calendar.defaultAnalysisDates(s.horizonEnd()));
    }

    /**
     * @param s     a scenario
     * @param dates analysis dates
     * @return the dates sorted, without repeats
     * @throws IllegalArgumentException if there is none, or one lies outside 2026-01-01 .. horizon.end
     */
    public static List<LocalDate> checkDates(Scenario s, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("at least one analysis date is needed");
        }
        for (LocalDate d : dates) {
            if (d.isBefore(Calendar.EPOCH) || d.isAfter(s.horizonEnd())) {
                throw new IllegalArgumentException("analysis date " + d + " is outside the run: a date from "
                        + Calendar.EPOCH + " to horizon.end = " + s.horizonEnd());
            }
        }
        return List.copyOf(new TreeSet<>(dates));
    }

    /**
     * @param n            rules
     * @param replications replications
     * @param budget       model runs allowed; 0 or less for no limit
     * @return 0 when the budget allows every subset (exact), else the random orders per replication it allows
     * @throws IllegalArgumentException if the budget is below {@link #minimumBudget} or the runs above
     *                                  {@link #MAX_RUNS}
     */
    public static int permutations(int n, int replications, long budget) {
        long exact = (long) Shapley.subsets(n) * replications;
        if (budget <= 0 || budget >= exact) {
            if (exact > MAX_RUNS) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%,d replications x %,d "
                        + "subsets = %,d model runs, above the limit of %,d; give fewer replications or a --budget",
                        replications, Shapley.subsets(n), exact, MAX_RUNS));
            }
            return 0;
        }
        if (budget > MAX_RUNS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "a budget of %,d model runs is "
                    + "above the limit of %,d", budget, MAX_RUNS));
        }
        long min = minimumBudget(n, replications);
        if (min >= exact) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "a budget of %,d model runs is "
                    + "too small: %d rules need all %,d subsets x %,d replications = %,d runs", budget, n,
                    Shapley.subsets(n), replications, exact));
        }
        if (budget < min) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "a budget of %,d model runs is "
                    + "too small for %,d replications: sampling needs at least %,d (%d per replication), exact "
                    + "Shapley %,d", budget, replications, min, min / replications, exact));
        }
        long perReplication = budget / replications;
        return (int) Math.min(Integer.MAX_VALUE, (perReplication - cheap(n).size()) / perOrder(n));
    }

    /**
     * The smallest budget a sampled analysis accepts.
     *
     * @param n            the number of rules weighed, 1 to {@link Shapley#MAX_PLAYERS}
     * @param replications the replications of the analysis, at least 1
     * @return the fewest model runs a sampled analysis needs: per replication, the {@code 2n + 2} subsets every
     *         replication runs plus one random order of the rules
     * @throws IllegalArgumentException if {@code n} is outside 1 to {@link Shapley#MAX_PLAYERS}
     */
    public static long minimumBudget(int n, int replications) {
        return (long) replications * (cheap(n).size() + perOrder(n));
    }

    /**
     * Runs the analysis, exact if the budget allows every subset in every replication, else sampled.
     *
     * @param runner       the pool
     * @param s            the scenario as is
     * @param rules        the rules to weigh (the others stay as they are)
     * @param dates        analysis dates, within the run
     * @param replications replications
     * @param seed         the master seed
     * @param budget       model runs allowed; 0 or less for exact
     * @return the explanation
     */
    public static Explanation run(ExperimentEngine runner, Scenario s, List<Rule> rules, List<LocalDate> dates,
            int replications, long seed, long budget) {
        int p = permutations(rules.size(), replications, budget);
        return p == 0 ? exact(runner, s, rules, dates, replications, seed)
                : sampled(runner, s, rules, dates, replications, seed, p);
    }

    /**
     * How many model runs an analysis will make, for a progress bar or a cost estimate before running it.
     *
     * @param n            the number of rules weighed, 1 to {@link Shapley#MAX_PLAYERS}
     * @param replications the replications of the analysis, at least 1
     * @param budget       model runs allowed, as {@link #run} takes it; 0 or less for no limit (exact)
     * @return the model runs {@link #run} makes at most: {@code 2^n x replications} when exact; when sampled, fewer
     *         if random orders of the rules share subsets
     * @throws IllegalArgumentException as {@link #permutations} does, for a budget too small or runs above
     *                                  {@link #MAX_RUNS}
     */
    public static long runs(int n, int replications, long budget) {
        int p = permutations(n, replications, budget);
        return p == 0 ? (long) Shapley.subsets(n) * replications
                : (long) replications * (cheap(n).size() + (long) p * perOrder(n));
    }

    /**
     * Exact Shapley values: every subset of the rules in every replication, {@code 2^n x replications} model runs.
     *
     * @param runner       the pool that runs the subsets in parallel; its progress counts model runs, and the results
     *                     do not depend on its thread count
     * @param s            the scenario as is, whose rules are lifted in the counterfactual runs
     * @param rules        the rules to weigh, distinct and at least one, at most {@link Shapley#MAX_PLAYERS}; their
     *                     order is the player order of the result (the other rules stay as they are)
     * @param dates        analysis dates, from 2026-01-01 to {@code s}'s horizon end; sorted and deduplicated
     * @param replications the replications of every subset, at least 1
     * @param seed         the master seed; replication {@code i} of every subset runs on
     *                     {@link RandomStreams#forReplication}{@code (seed, i)}
     * @return every rule's Shapley value, what lifting it alone gains and keeping it alone costs, per replication,
     *         date and firm
     * @throws IllegalArgumentException if the rules are empty or repeat one, or a date lies outside the run
     */
    public static Explanation exact(ExperimentEngine runner, Scenario s, List<Rule> rules, List<LocalDate> dates,
            int replications, long seed) {
        Setup u = new Setup(s, rules, dates);
        int m = Shapley.subsets(u.n);
        List<Replication<double[]>> models = new ArrayList<>(m);
        for (int mask = 0; mask < m; mask++) {
            models.add(u.model(mask));
        }
        List<List<double[]>> v = runner.runTasks(replications, seed, models);
        Result out = new Result(replications);
        for (int r = 0; r < replications; r++) {
            int rep = r;
            IntFunction<double[]> value = mask -> v.get(mask).get(rep);
            out.put(r, Shapley.exact(u.n, value), value, u.n);
        }
        return out.explanation(u, seed, 0, (long) m * replications);
    }

    /**
     * Sampled Shapley values: {@code permutations} random orders of the rules per replication, drawn from the
     * replication's stream {@value #PERMUTATION_STREAM}.
     *
     * @param runner       the pool that runs the subsets in parallel; its progress counts model runs, and the results
     *                     do not depend on its thread count
     * @param s            the scenario as is, whose rules are lifted in the counterfactual runs
     * @param rules        the rules to weigh, distinct and at least one, at most {@link Shapley#MAX_PLAYERS}; their
     *                     order is the player order of the result (the other rules stay as they are)
     * @param dates        analysis dates, from 2026-01-01 to {@code s}'s horizon end; sorted and deduplicated
     * @param replications the replications, at least 1; each draws its own orders
     * @param seed         the master seed; replication {@code i} of every subset runs on
     *                     {@link RandomStreams#forReplication}{@code (seed, i)}, which also draws its orders
     * @param permutations orders per replication, at least 1
     * @return every rule's estimated Shapley value (each replication's mean over its orders), what lifting it alone
     *         gains and keeping it alone costs (these exact), per replication, date and firm
     * @throws IllegalArgumentException if {@code permutations} is below 1, the rules are empty or repeat one, or a
     *                                  date lies outside the run
     */
    public static Explanation sampled(ExperimentEngine runner, Scenario s, List<Rule> rules, List<LocalDate> dates,
            int replications, long seed, int permutations) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, was " + permutations);
        }
        Setup u = new Setup(s, rules, dates);
        int[][][] orders = new int[replications][permutations][];
        List<int[]> tasks = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            UniformRandomProvider rng = RandomStreams.forReplication(seed, r).stream(PERMUTATION_STREAM);
            PermutationSampler sampler = new PermutationSampler(rng, u.n, u.n);
            Set<Integer> masks = new TreeSet<>(cheap(u.n));
            for (int p = 0; p < permutations; p++) {
                orders[r][p] = sampler.sample();
                int mask = 0;
                for (int i : orders[r][p]) {
                    mask |= 1 << i;
                    masks.add(mask);
                }
            }
            for (int mask : masks) {
                tasks.add(new int[] {r, mask});
            }
        }
        // Subset by subset, so that the model resolves each scenario's timeline once per run of the same subset.
        tasks.sort(java.util.Comparator.<int[]>comparingInt(t -> t[1]).thenComparingInt(t -> t[0]));
        Map<Integer, Replication<double[]>> byMask = new TreeMap<>();
        List<Replication<double[]>> models = new ArrayList<>(tasks.size());
        for (int[] t : tasks) {
            Replication<double[]> model = byMask.computeIfAbsent(t[1], u::model);
            // Each task is one (replication, subset): it runs on that replication's streams, not on those the
            // runner hands to its single replication.
            models.add(new AtReplication(model, seed, t[0]));
        }
        List<List<double[]>> results = runner.runTasks(1, seed, models);
        List<Map<Integer, double[]>> byReplication = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            byReplication.add(new HashMap<>());
        }
        for (int k = 0; k < tasks.size(); k++) {
            byReplication.get(tasks.get(k)[0]).put(tasks.get(k)[1], results.get(k).get(0));
        }
        Result out = new Result(replications);
        for (int r = 0; r < replications; r++) {
            IntFunction<double[]> value = byReplication.get(r)::get;
            double[][] mean = null;
            for (int[] order : orders[r]) {
                double[][] m = Shapley.marginals(order, value);
                if (mean == null) {
                    mean = new double[u.n][m[0].length];
                }
                for (int i = 0; i < u.n; i++) {
                    for (int k = 0; k < m[i].length; k++) {
                        mean[i][k] += m[i][k] / permutations;
                    }
                }
            }
            out.put(r, mean, value, u.n);
        }
        return out.explanation(u, seed, permutations, tasks.size());
    }

    /** @return the subsets every replication runs: none, all, each rule alone, all rules but each one */
    static Set<Integer> cheap(int n) {
        int all = Shapley.all(n);
        Set<Integer> m = new TreeSet<>(List.of(0, all));
        for (int i = 0; i < n; i++) {
            m.add(1 << i);
            m.add(all & ~(1 << i));
        }
        return m;
    }

    /** @return new subsets one order of the rules can add beyond {@link #cheap}: its prefixes of 2 .. n-2 rules */
    static int perOrder(int n) {
        return Math.max(1, n - 3);
    }

    /** The scenario, the rules and the outputs: what every subset's run shares. */
    private static final class Setup {
        final Scenario s;
        final List<Rule> rules;
        final List<LocalDate> dates;
        final int n;
        final int firms;
        final int[] days;

        Setup(Scenario s, List<Rule> rules, List<LocalDate> dates) {
            if (rules.isEmpty() || Set.copyOf(rules).size() != rules.size()) {
                throw new IllegalArgumentException("rules must be distinct and at least one: " + rules);
            }
            this.s = s;
            this.rules = List.copyOf(rules);
            this.dates = checkDates(s, dates);
            this.n = rules.size();
            Shapley.subsets(n);
            this.firms = s.firms().size();
            this.days = new int[this.dates.size()];
            for (int d = 0; d < days.length; d++) {
                days[d] = (int) Calendar.day(this.dates.get(d));
            }
        }

        Scenario scenario(int mask) {
            Set<Rule> lifted = EnumSet.noneOf(Rule.class);
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    lifted.add(rules.get(i));
                }
            }
            return Rule.lift(s, lifted);
        }

        /**
         * @return the replication of one subset's scenario: units delivered by each date, per firm and in all. The
         *         scenario is built here, on the caller's thread, once per subset asked for.
         */
        Replication<double[]> model(int mask) {
            return new SubsetModel(scenario(mask), days, firms);
        }

        double[] ordered() {
            double[] o = new double[days.length * (firms + 1)];
            for (int d = 0; d < days.length; d++) {
                for (int f = 0; f < firms; f++) {
                    Firm firm = s.firms().get(f);
                    for (Order order : firm.orders()) {
                        if (!order.date().isAfter(dates.get(d))) {
                            o[d * (firms + 1) + f] += order.units();
                            o[d * (firms + 1) + firms] += order.units();
                        }
                    }
                }
            }
            return o;
        }
    }

    /** The per-replication arrays, filled replication by replication. */
    private static final class Result {
        final double[][][] shapley;
        final double[][][] alone;
        final double[][][] last;
        final double[][] asIs;
        final double[][] allLifted;

        Result(int replications) {
            shapley = new double[replications][][];
            alone = new double[replications][][];
            last = new double[replications][][];
            asIs = new double[replications][];
            allLifted = new double[replications][];
        }

        void put(int r, double[][] phi, IntFunction<double[]> value, int n) {
            shapley[r] = phi;
            alone[r] = Shapley.alone(n, value);
            last[r] = Shapley.last(n, value);
            asIs[r] = value.apply(0);
            allLifted[r] = value.apply(Shapley.all(n));
        }

        Explanation explanation(Setup u, long seed, int permutations, long runs) {
            List<String> names = new ArrayList<>();
            u.s.firms().forEach(f -> names.add(f.name()));
            return new Explanation(u.s, u.rules, u.dates, names, seed, permutations, runs, shapley, alone, last,
                    asIs, allLifted, u.ordered());
        }
    }

    /**
     * One subset's scenario as a replication: units delivered by each analysis date, per firm and in all. A value,
     * not a closure, so that an engine that ships work to other processes (Spark) can send it.
     *
     * @param scenario the scenario with the subset's rules lifted
     * @param days     the analysis days
     * @param firms    the number of firms
     */
    record SubsetModel(Scenario scenario, int[] days, int firms) implements Replication<double[]>,
            java.io.Serializable {
        @Override
        public double[] run(RandomStreams streams) {
            double[][] delivered = SupplyModel.run(scenario, streams).series().deliveredByFirm();
            double[] v = new double[days.length * (firms + 1)];
            for (int d = 0; d < days.length; d++) {
                double total = 0;
                for (int f = 0; f < firms; f++) {
                    double x = delivered[f][days[d]];
                    v[d * (firms + 1) + f] = x;
                    total += x;
                }
                v[d * (firms + 1) + firms] = total;
            }
            return v;
        }
    }

    /**
     * A model run on the streams of one fixed replication whatever the task it is given (a sampled order's runs are
     * one task each): a value, so that Spark can ship it.
     *
     * @param model       the subset's model
     * @param seed        the master seed
     * @param replication the replication whose streams it uses
     */
    record AtReplication(Replication<double[]> model, long seed, int replication) implements Replication<double[]>,
            java.io.Serializable {
        @Override
        public double[] run(RandomStreams ignored) {
            return model.run(RandomStreams.forReplication(seed, replication));
        }
    }
}
