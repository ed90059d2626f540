package dev.chipflow.explain;

import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * What {@link Explain} found: per replication, per rule, per analysis date and per firm (and all firms), the units
 * the rule holds back (its Shapley value, in units delivered), what lifting it alone gains and what keeping it alone
 * costs; summaries are means with 95% Student-t intervals over the replications ({@link Summary#of95}).
 *
 * <p>Outputs are indexed by (date, firm): firm {@code firms().size()} is all firms together. Every replication's
 * Shapley values sum exactly (to rounding) to {@link #explained}: the units delivered with every rule lifted minus
 * those delivered as is. The rest of the shortfall, {@link #unexplained}, is what no rule holds back: transit, and
 * orders placed too late to arrive by the date.
 */
public final class Explanation {

    private final Scenario scenario;
    private final List<Rule> rules;
    private final List<LocalDate> dates;
    private final List<String> firms;
    private final long seed;
    private final int permutations;
    private final long runs;
    private final double[][][] shapley;
    private final double[][][] liftedAlone;
    private final double[][][] keptAlone;
    private final double[][] asIs;
    private final double[][] allLifted;
    private final double[] ordered;

    /**
     * @param scenario     the scenario as is
     * @param rules        the rules, in player order
     * @param dates        the analysis dates
     * @param firms        the firms, in scenario order
     * @param seed         the master seed
     * @param permutations 0 for exact Shapley values, else the random orders drawn per replication
     * @param runs         model runs made
     * @param shapley      {@code [replication][rule][output]}
     * @param liftedAlone  {@code [replication][rule][output]}: v({rule}) - v(none)
     * @param keptAlone    {@code [replication][rule][output]}: v(all) - v(all but the rule)
     * @param asIs         {@code [replication][output]}: units delivered with no rule lifted
     * @param allLifted    {@code [replication][output]}: units delivered with every rule lifted
     * @param ordered      {@code [output]}: units ordered by the date
     */
    Explanation(Scenario scenario, List<Rule> rules, List<LocalDate> dates, List<String> firms, long seed,
            int permutations, long runs, double[][][] shapley, double[][][] liftedAlone, double[][][] keptAlone,
            double[][] asIs, double[][] allLifted, double[] ordered) {
        this.scenario = scenario;
        this.rules = List.copyOf(rules);
        this.dates = List.copyOf(dates);
        this.firms = List.copyOf(firms);
        this.seed = seed;
        this.permutations = permutations;
        this.runs = runs;
        this.shapley = shapley;
        this.liftedAlone = liftedAlone;
        this.keptAlone = keptAlone;
        this.asIs = asIs;
        this.allLifted = allLifted;
        this.ordered = ordered;
    }

    /** @return the scenario as is */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the rules, in player order */
    public List<Rule> rules() {
        return rules;
    }

    /** @return the analysis dates, in order */
    public List<LocalDate> dates() {
        return dates;
    }

    /** @return the firms, in scenario order; index {@code firms().size()} is all firms */
    public List<String> firms() {
        return firms;
    }

    /** @return the firm index of all firms together */
    public int all() {
        return firms.size();
    }

    /** @return the master seed */
    public long seed() {
        return seed;
    }

    /** @return the replications */
    public int replications() {
        return asIs.length;
    }

    /** @return whether the Shapley values are exact (every subset run) rather than sampled */
    public boolean exact() {
        return permutations == 0;
    }

    /** @return random orders of the rules drawn per replication; 0 when exact */
    public int permutations() {
        return permutations;
    }

    /** @return model runs made */
    public long runs() {
        return runs;
    }

    private int k(int date, int firm) {
        if (date < 0 || date >= dates.size() || firm < 0 || firm > firms.size()) {
            throw new IndexOutOfBoundsException("date " + date + ", firm " + firm);
        }
        return date * (firms.size() + 1) + firm;
    }

    /**
     * The rule's share of the units held back, over the replications.
     *
     * @param rule a rule's index in {@link #rules()}, its player order
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return its Shapley value in units delivered by the date (what it holds back), summarised over the replications
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Summary shapley(int rule, int date, int firm) {
        int k = k(date, firm);
        return overReplications(r -> shapley[r][rule][k]);
    }

    /**
     * What lifting the rule alone gains, every other rule kept.
     *
     * @param rule a rule's index in {@link #rules()}, its player order
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units delivered by the date with the rule alone lifted minus as is, {@code v({rule}) - v(none)}, over the
     *         replications
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Summary liftedAlone(int rule, int date, int firm) {
        int k = k(date, firm);
        return overReplications(r -> liftedAlone[r][rule][k]);
    }

    /**
     * What keeping the rule alone costs, every other rule lifted.
     *
     * @param rule a rule's index in {@link #rules()}, its player order
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units delivered by the date with every rule lifted minus with every rule but this one lifted,
     *         {@code v(all) - v(all but the rule)}, over the replications
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Summary keptAlone(int rule, int date, int firm) {
        int k = k(date, firm);
        return overReplications(r -> keptAlone[r][rule][k]);
    }

    /**
     * One replication's share of the rule; the rules' shares in one replication sum to what they hold back together
     * in it ({@link #explained(int, int)}).
     *
     * @param replication a replication, from 0 to {@link #replications()} - 1
     * @param rule        a rule's index in {@link #rules()}, its player order
     * @param date        an analysis date's index in {@link #dates()}
     * @param firm        a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return the rule's Shapley value in that replication, in units delivered by the date (exact or its
     *         mean over the replication's random orders)
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double shapley(int replication, int rule, int date, int firm) {
        return shapley[replication][rule][k(date, firm)];
    }

    /**
     * Deliveries with no rule lifted.
     *
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units delivered by the date as is, over the replications
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Summary asIs(int date, int firm) {
        int k = k(date, firm);
        return overReplications(r -> asIs[r][k]);
    }

    /**
     * One replication's deliveries with no rule lifted.
     *
     * @param replication a replication, from 0 to {@link #replications()} - 1
     * @param date        an analysis date's index in {@link #dates()}
     * @param firm        a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units delivered by the date as is in that replication
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double asIs(int replication, int date, int firm) {
        return asIs[replication][k(date, firm)];
    }

    /**
     * Deliveries with every weighed rule lifted.
     *
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units delivered by the date with every rule lifted, over the replications
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Summary allLifted(int date, int firm) {
        int k = k(date, firm);
        return overReplications(r -> allLifted[r][k]);
    }

    /**
     * One replication's deliveries with every weighed rule lifted.
     *
     * @param replication a replication, from 0 to {@link #replications()} - 1
     * @param date        an analysis date's index in {@link #dates()}
     * @param firm        a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units delivered by the date with every rule lifted in that replication
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double allLifted(int replication, int date, int firm) {
        return allLifted[replication][k(date, firm)];
    }

    /**
     * Demand up to the date, the same in every replication.
     *
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units ordered by the date (orders dated up to it, inclusive)
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double ordered(int date, int firm) {
        return ordered[k(date, firm)];
    }

    /**
     * The shortfall as is: {@link #ordered(int, int)} minus {@link #asIs(int, int)}.
     *
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units ordered by the date and not delivered by it, as is, over the replications
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Summary shortfall(int date, int firm) {
        int k = k(date, firm);
        return overReplications(r -> ordered[k] - asIs[r][k]);
    }

    /**
     * The part of the shortfall the rules account for: {@link #allLifted(int, int)} minus {@link #asIs(int, int)}.
     *
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units the rules hold back together, the sum of their Shapley values, over the replications
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Summary explained(int date, int firm) {
        int k = k(date, firm);
        return overReplications(r -> allLifted[r][k] - asIs[r][k]);
    }

    /**
     * The part of the shortfall no rule accounts for: {@link #ordered(int, int)} minus {@link #allLifted(int, int)}.
     *
     * @param date an analysis date's index in {@link #dates()}
     * @param firm a firm's index in {@link #firms()}, or {@link #all()} for all firms together
     * @return units ordered by the date and not delivered by it even with every rule lifted (transit, orders placed too
     *         late to arrive), over the replications
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Summary unexplained(int date, int firm) {
        int k = k(date, firm);
        return overReplications(r -> ordered[k] - allLifted[r][k]);
    }

    /** The 95% summary over the replications of a value taken from each replication {@code r}. */
    private Summary overReplications(IntToDoubleFunction perReplication) {
        double[] v = new double[replications()];
        for (int r = 0; r < v.length; r++) {
            v[r] = perReplication.applyAsDouble(r);
        }
        return Summary.of95(v);
    }
}
