package dev.chipflow.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The textual form of distributions: every kind round-trips, and bad text is refused with a useful message. */
class DistributionParseTest {

    private static final List<Distribution> ONE_OF_EACH = List.of(
            new Fixed(10), new Fixed(2.5), new Fixed(0),
            new Exponential(10), new Exponential(0.1),
            new Uniform(30, 90), new Uniform(0.25, 1e20),
            new Triangular(7, 10, 13), new Triangular(0, 0, 1), new Triangular(1, 3, 3),
            new LogNormal(10, 3), new LogNormal(1e-7, 1.0 / 3),
            new Gamma(4, 2.5), new Gamma(0.5, 123.456),
            new Normal(10, 2), new Normal(0, 0.5),
            new Weibull(1.5, 10), new Weibull(0.7, 1e-3),
            new Erlang(3, 12), new Erlang(1, 0.25),
            new Pareto(5, 3), new Pareto(0.5, 1.5),
            new Empirical(new double[] {3, 5, 5, 8}), new Empirical(new double[] {1.5}));

    @Test
    void everyKindRoundTripsThroughItsSpec() {
        for (Distribution d : ONE_OF_EACH) {
            Distribution back = Distribution.parse(d.spec());
            assertEquals(d, back, d.spec());
            assertEquals(d.spec(), back.spec());
        }
    }

    @Test
    void specsReadAsPeopleWriteThem() {
        assertEquals("tri(7,10,13)", new Triangular(7, 10, 13).spec());
        assertEquals("exp(0.1)", new Exponential(0.1).spec());
        assertEquals("empirical(3,5,5,8)", new Empirical(new double[] {3, 5, 5, 8}).spec());
        assertEquals("normal(10,2)", new Normal(10, 2).spec());
        assertEquals("weibull(1.5,10)", new Weibull(1.5, 10).spec());
        assertEquals("erlang(3,12)", new Erlang(3, 12).spec());
        assertEquals("pareto(5,3)", new Pareto(5, 3).spec());
    }

    @Property(tries = 300)
    void arbitraryParametersRoundTrip(@ForAll("positives") double a, @ForAll("positives") double b) {
        for (Distribution d : List.of(new Exponential(a), new Gamma(a, b), new LogNormal(a, b), new Weibull(a, b),
                new Pareto(a, b), new Normal(a, b),
                new Uniform(Math.min(a, b), Math.max(a, b) * 2), new Empirical(new double[] {a, b}))) {
            assertEquals(d, Distribution.parse(d.spec()), d.spec());
        }
    }

    /** Any positive double, subnormals included, from its bit pattern; capped so that {@code 2 * max} is finite. */
    @Provide
    Arbitrary<Double> positives() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE).map(Double::longBitsToDouble).filter(x -> x < 1e300);
    }

    @Test
    void looseButUnambiguousTextIsAccepted() {
        assertEquals(new Fixed(12), Distribution.parse("12"));
        assertEquals(new Fixed(12.5), Distribution.parse(" 12.5 "));
        assertEquals(new Exponential(10), Distribution.parse("  EXP( 10 ) "));
        assertEquals(new Exponential(3), Distribution.parse("exponential(3)"));
        assertEquals(new Triangular(1, 2, 3), Distribution.parse("triangular(1, 2, 3)"));
        assertEquals(new LogNormal(10, 3), Distribution.parse("LogNormal(10,3)"));
        assertEquals(new Normal(10, 2), Distribution.parse("normal(10, 2)"));
        assertEquals(new Weibull(1.5, 10), Distribution.parse("Weibull(1.5,10)"));
        assertEquals(new Erlang(3, 12), Distribution.parse("erlang(3.0,12)"));
        assertEquals(new Pareto(5, 3), Distribution.parse("pareto(5,3)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''               | empty distribution",
        "exp(10           | lacks a closing parenthesis",
        "exp(ten)         | 'ten' in 'exp(ten)' is not a number",
        "abc              | 'abc' in 'abc' is not a number",
        "exp(1,2)         | takes 1 parameter(s), has 2",
        "exp()            | takes 1 parameter(s), has 0",
        "tri(1,2)         | takes 3 parameter(s), has 2",
        "uniform(1,,2)    | '' in 'uniform(1,,2)' is not a number",
        "beta(1,2)        | unknown distribution 'beta'",
        "normal(10)       | takes 2 parameter(s), has 1",
        "normal(-1,2)     | normal mean must be finite and >= 0, was -1.0",
        "normal(10,0)     | normal sd must be finite",
        "weibull(0,2)     | weibull shape must be finite",
        "weibull(2,-1)    | weibull scale must be finite",
        "erlang(2.5,10)   | erlang k in 'erlang(2.5,10)' must be a whole number >= 1, was 2.5",
        "erlang(0,10)     | must be a whole number >= 1, was 0",
        "erlang(3,0)      | erlang mean must be finite",
        "pareto(0,3)      | pareto scale must be finite",
        "pareto(1,0)      | pareto shape must be finite",
        "empirical()      | needs at least one value",
        "exp(-1)          | exponential mean must be finite",
        "exp(0)           | was 0.0",
        "fixed(-3)        | fixed value must be finite and >= 0, was -3.0",
        "fixed(1e400)     | was Infinity",
        "uniform(5,3)     | uniform max must be finite and >= 5, was 3.0",
        "uniform(4,4)     | uniform max must be > min",
        "tri(5,4,6)       | triangular mode must be finite and >= 5, was 4.0",
        "tri(1,5,4)       | triangular max must be finite and >= 5, was 4.0",
        "lognormal(10,-3) | lognormal sd must be finite",
        "gamma(0,1)       | gamma shape must be finite",
        "empirical(1,-2)  | empirical value must be finite and >= 0, was -2.0",
    })
    void badTextIsRefusedNamingTheProblem(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Distribution.parse(text));
        assertTrue(e.getMessage().contains(expected), "'" + text + "' gave: " + e.getMessage());
    }

    @Test
    void syntaxErrorsListTheFormsAccepted() {
        for (String text : new String[] {"", "exp(10", "exp(x)", "exp(1,2)", "weibull(1)", "beta(1,2)"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Distribution.parse(text));
            assertTrue(e.getMessage().contains(Distribution.FORMS), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Distribution.parse(null));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void empiricalCopiesItsValues() {
        double[] values = {1, 2, 3};
        Empirical e = new Empirical(values);
        values[0] = 100;
        e.values()[1] = 100;
        assertEquals("empirical(1,2,3)", e.spec());
        assertEquals(2.0, e.mean());
        assertEquals(1.0, e.min());
        assertEquals(3.0, e.max());
        assertEquals(2.0 / 3, e.variance(), 1e-15);
    }

    @Test
    void theFormsNameEveryKind() {
        for (String form : new String[] {"fixed(v)", "exp(mean)", "uniform(min,max)", "tri(min,mode,max)",
            "lognormal(mean,sd)", "gamma(shape,scale)", "normal(mean,sd)", "weibull(shape,scale)", "erlang(k,mean)",
            "pareto(scale,shape)", "empirical(v1,v2,...)"}) {
            assertTrue(Distribution.FORMS.contains(form), form);
        }
    }
}
