package dev.chipflow.supply;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * For {@link TraceReplay}: the rules in force at each instant of a run, from the scenario alone. Before the first dated
 * change they are the scenario without its timeline ({@link Scenario#withoutTimeline()}); from each day with a change,
 * the rules of that day's {@link Timeline#steps} entry (every change up to then applied). A change dated D acts from
 * the start of day D, so the rules at instant {@code t} are those of the last step whose day is {@code <= t}.
 *
 * <p>It knows nothing of the model's {@code PolicyTimeline} or its stages: the rules are read off the knobs. The run
 * is cut into segments {@code [start(i), end(i))}, each under one set of rules; without a timeline there is one
 * segment, the scenario itself, from minus to plus infinity.
 */
final class RulesInForce {

    private final double[] start;
    private final Scenario[] rules;

    RulesInForce(Scenario sc) {
        List<Timeline.Step> steps = sc.timeline().isEmpty() ? List.of() : sc.timeline().steps(sc.withoutTimeline());
        start = new double[steps.size() + 1];
        rules = new Scenario[steps.size() + 1];
        start[0] = Double.NEGATIVE_INFINITY;
        rules[0] = sc.withoutTimeline();
        for (int i = 0; i < steps.size(); i++) {
            start[i + 1] = steps.get(i).day();
            rules[i + 1] = steps.get(i).rules();
        }
    }

    /** @return whether any rule changes during the run */
    boolean changes() {
        return rules.length > 1;
    }

    /** @return the number of segments */
    int segments() {
        return rules.length;
    }

    /** @return the first instant of segment {@code i} (minus infinity for the first) */
    double start(int i) {
        return start[i];
    }

    /** @return the instant segment {@code i} ends, exclusive (plus infinity for the last) */
    double end(int i) {
        return i + 1 < start.length ? start[i + 1] : Double.POSITIVE_INFINITY;
    }

    /** @return the rules of segment {@code i} */
    Scenario rules(int i) {
        return rules[i];
    }

    /** @return the segment in force at instant {@code t} */
    int segment(double t) {
        int i = rules.length - 1;
        while (i > 0 && start[i] > t) {
            i--;
        }
        return i;
    }

    /** @return the rules in force at instant {@code t} */
    Scenario at(double t) {
        return rules.length == 1 ? rules[0] : rules[segment(t)];
    }

    /** @return the least of {@code f} over the rules in force at some instant of {@code [from, to]} */
    double min(double from, double to, ToDoubleFunction<Scenario> f) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = segment(from); i <= segment(to); i++) {
            m = Math.min(m, f.applyAsDouble(rules[i]));
        }
        return m;
    }

    /** @return the greatest of {@code f} over the rules in force at some instant of {@code [from, to]} */
    double max(double from, double to, ToDoubleFunction<Scenario> f) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = segment(from); i <= segment(to); i++) {
            m = Math.max(m, f.applyAsDouble(rules[i]));
        }
        return m;
    }

    /** @return whether {@code p} holds for the rules in force at some instant of {@code [from, to]} */
    boolean any(double from, double to, Predicate<Scenario> p) {
        for (int i = segment(from); i <= segment(to); i++) {
            if (p.test(rules[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the first instant at or after {@code t} at which {@code p} holds for the rules in force, or plus infinity
     *         if it never holds again
     */
    double firstFrom(double t, Predicate<Scenario> p) {
        if (t == Double.POSITIVE_INFINITY) {
            return t;
        }
        for (int i = segment(t); i < rules.length; i++) {
            if (p.test(rules[i])) {
                return Math.max(t, start[i]);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** @return the days in the open interval {@code (from, to)} on which the rules change */
    List<Double> changesBetween(double from, double to) {
        if (rules.length == 1) {
            return List.of();
        }
        List<Double> l = new ArrayList<>(1);
        for (int i = 1; i < start.length; i++) {
            if (start[i] > from && start[i] < to) {
                l.add(start[i]);
            }
        }
        return l;
    }

    /**
     * Sums a per-day amount over days {@code 0..lastDay}: {@code perDay} of the rules in force on each day, times how
     * many of the days count, as {@code countedTo(d)} says (days counted in {@code 0..d}, 0 for {@code d < 0}). Each
     * segment adds {@code perDay x its counted days}, so that with one segment the sum is exactly
     * {@code perDay x countedTo(lastDay)}.
     */
    double perDaySum(int lastDay, ToDoubleFunction<Scenario> perDay, IntUnaryOperator countedTo) {
        double sum = 0;
        for (int i = 0; i < rules.length; i++) {
            double a = start[i];
            double b = end(i);
            if (a > lastDay) {
                break;
            }
            int first = a == Double.NEGATIVE_INFINITY ? 0 : (int) a;
            int last = b == Double.POSITIVE_INFINITY ? lastDay : (int) Math.min(lastDay, b - 1);
            if (last < first) {
                continue;
            }
            int days = countedTo.applyAsInt(last) - (first <= 0 ? 0 : countedTo.applyAsInt(first - 1));
            if (days > 0) {
                sum += perDay.applyAsDouble(rules[i]) * days;
            }
        }
        return sum;
    }

    /**
     * The US end-user shipments the cap counts, rebuilt from the scenario: on each weekly day from the policy start + 7
     * before the horizon, {@code cap.usUnitsPerWeek} in force that day; days with no units are left out.
     *
     * @param times      the days of the shipments
     * @param cumulative {@code cumulative[i]}: the units of the first {@code i} shipments
     */
    record UsStream(double[] times, long[] cumulative) {

        static UsStream of(Scenario sc, RulesInForce in) {
            double horizon = sc.horizonDays();
            List<Double> t = new ArrayList<>();
            List<Long> units = new ArrayList<>();
            for (double d = Calendar.day(sc.us().policyStart()) + 7; d < horizon; d += 7) {
                long u = in.at(d).us().usUnitsPerWeek();
                if (u > 0) {
                    t.add(d);
                    units.add(u);
                }
            }
            long[] cum = new long[t.size() + 1];
            for (int i = 0; i < t.size(); i++) {
                cum[i + 1] = cum[i] + units.get(i);
            }
            return new UsStream(t.stream().mapToDouble(Double::doubleValue).toArray(), cum);
        }

        /** @return the units of shipments {@code from} (inclusive) to {@code upTo} (exclusive) */
        long units(int from, int upTo) {
            return cumulative[upTo] - cumulative[from];
        }
    }
}
