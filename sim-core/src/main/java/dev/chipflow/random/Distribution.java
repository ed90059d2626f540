package dev.chipflow.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A continuous distribution as a value (its parameters), bound to a random stream by {@link #sampler}.
 *
 * <p>Parameters are validated when the value is made; samplers come from Commons RNG and Commons Statistics. Every
 * built-in distribution has a textual form used by scenario files and {@code --set}, read by {@link #parse(String)}
 * and listed in {@link #FORMS}: {@code fixed(10)}, {@code exp(10)} (mean), {@code uniform(30,90)},
 * {@code tri(7,10,13)} (min, mode, max), {@code lognormal(10,3)} (mean, standard deviation), {@code gamma(4,2.5)}
 * (shape, scale), {@code normal(10,2)} (mean, standard deviation; truncated to non-negative values),
 * {@code weibull(1.5,10)} (shape, scale), {@code erlang(3,10)} (phases, mean), {@code pareto(5,3)} (scale, shape),
 * {@code empirical(3,5,5,8)} (equally likely observed values).
 *
 * <p>The interface is open: a library user may implement it for a distribution of their own (the supply model's
 * durations accept any distribution whose {@link #min()} is at least 0 and whose mean is finite). Such a distribution
 * has no textual form that {@link #parse(String)} reads; its {@link #spec()} is a label only.
 */
public interface Distribution extends java.io.Serializable {

    /**
     * Binds the distribution to a stream, once, outside the hot path.
     *
     * @param rng the stream to draw from
     * @return a sampler of this distribution
     */
    ContinuousSampler sampler(UniformRandomProvider rng);

    /** @return the mean (positive infinity where it does not exist, e.g. a Pareto of shape at most 1) */
    double mean();

    /** @return the variance (positive infinity where it does not exist, e.g. a Pareto of shape at most 2) */
    double variance();

    /** @return the smallest value the distribution can take */
    double min();

    /** @return the largest value the distribution can take (may be infinite) */
    double max();

    /** @return the textual form, which {@link #parse(String)} reads back to an equal value */
    String spec();

    /**
     * Reads the textual form of a distribution; a plain number means {@code fixed(number)}.
     *
     * @param text e.g. {@code "tri(7,10,13)"}
     * @return the distribution
     * @throws IllegalArgumentException naming the problem and the forms accepted
     */
    static Distribution parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty distribution; " + FORMS);
        }
        int open = s.indexOf('(');
        if (open < 0) {
            return new Fixed(number(s, text));
        }
        if (!s.endsWith(")")) {
            throw new IllegalArgumentException("'" + text + "' lacks a closing parenthesis; " + FORMS);
        }
        String name = s.substring(0, open).trim();
        List<Double> p = new ArrayList<>();
        String inside = s.substring(open + 1, s.length() - 1).trim();
        if (!inside.isEmpty()) {
            for (String part : inside.split(",")) {
                p.add(number(part.trim(), text));
            }
        }
        switch (name) {
            case "fixed":
                arity(text, p, 1);
                return new Fixed(p.get(0));
            case "exp":
            case "exponential":
                arity(text, p, 1);
                return new Exponential(p.get(0));
            case "uniform":
                arity(text, p, 2);
                return new Uniform(p.get(0), p.get(1));
            case "tri":
            case "triangular":
                arity(text, p, 3);
                return new Triangular(p.get(0), p.get(1), p.get(2));
            case "lognormal":
                arity(text, p, 2);
                return new LogNormal(p.get(0), p.get(1));
            case "gamma":
                arity(text, p, 2);
                return new Gamma(p.get(0), p.get(1));
            case "normal":
                arity(text, p, 2);
                return new Normal(p.get(0), p.get(1));
            case "weibull":
                arity(text, p, 2);
                return new Weibull(p.get(0), p.get(1));
            case "erlang":
                arity(text, p, 2);
                return new Erlang(wholeNumber(p.get(0), text), p.get(1));
            case "pareto":
                arity(text, p, 2);
                return new Pareto(p.get(0), p.get(1));
            case "empirical":
                if (p.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' needs at least one value");
                }
                return new Empirical(p.stream().mapToDouble(Double::doubleValue).toArray());
            default:
                throw new IllegalArgumentException("unknown distribution '" + name + "' in '" + text + "'; " + FORMS);
        }
    }

    /** A plain decimal number as scenario text writes it: no "0." cut short, no "Infinity" or "NaN". */
    Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d+)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** The forms {@link #parse(String)} accepts, for error messages. */
    String FORMS = "use a number or one of fixed(v), exp(mean), uniform(min,max), tri(min,mode,max), "
            + "lognormal(mean,sd), gamma(shape,scale), normal(mean,sd) (truncated at 0), weibull(shape,scale), "
            + "erlang(k,mean) (k whole), pareto(scale,shape), empirical(v1,v2,...)";

    private static double number(String s, String whole) {
        // Plain decimals only: "0." cut short, "Infinity" and "NaN" are refused, not read as numbers.
        if (!PLAIN_NUMBER.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + s + "' in '" + whole + "' is not a number (plain decimals only, "
                    + "e.g. 10 or 0.5); " + FORMS);
        }
        return Double.parseDouble(s);
    }

    private static int wholeNumber(double v, String whole) {
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("erlang k in '" + whole + "' must be a whole number >= 1, was "
                    + Params.fmt(v) + "; " + FORMS);
        }
        return (int) v;
    }

    private static void arity(String text, List<Double> p, int n) {
        if (p.size() != n) {
            throw new IllegalArgumentException("'" + text + "' takes " + n + " parameter(s), has " + p.size()
                    + "; " + FORMS);
        }
    }
}
