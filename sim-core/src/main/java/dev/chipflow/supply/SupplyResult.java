package dev.chipflow.supply;

import dev.chipflow.experiment.Scalars;
import java.util.List;
import java.util.Map;

/**
 * Everything one replication of the supply model produced: per firm, system-wide, daily series, and (if asked for)
 * the full trace.
 *
 * @param scenario the scenario's name
 * @param firms    per firm, in scenario order
 * @param system   system-wide outputs
 * @param series   daily series
 * @param trace    every movement, if the trace was on; else empty
 */
public record SupplyResult(String scenario, List<FirmResult> firms, SystemResult system, DailySeries series,
        List<TraceEvent> trace) implements Scalars {

    /**
     * Copies the lists.
     *
     * @param scenario the scenario's name
     * @param firms per firm, in scenario order
     * @param system system-wide outputs
     * @param series daily series
     * @param trace every movement, if the trace was on; else empty
     */
    public SupplyResult {
        firms = List.copyOf(firms);
        trace = List.copyOf(trace);
    }

    /** @return units delivered to all firms */
    public long deliveredTotal() {
        return firms.stream().mapToLong(FirmResult::delivered).sum();
    }

    /**
     * @param name a firm's name
     * @return its result
     */
    public FirmResult firm(String name) {
        return firms.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no firm named '" + name + "' in the result"));
    }

    /**
     * Scalar outputs, named {@code FIRM.output} per firm, {@code all.output} summed over firms, and
     * {@code system.output}, as listed (with units and meanings) by {@link Outputs}. Lead times are NaN where nothing
     * was delivered. A view built anew on each call: read one output with {@link Outputs#value} or the typed
     * accessors of {@link FirmResult} and {@link SystemResult}.
     */
    @Override
    public Map<String, Double> scalars() {
        return Outputs.values(this);
    }

    /** The per-firm counts, in pipeline order, as named in {@link #scalars()}. */
    public static final List<String> COUNTS = List.of("ordered", "approved", "converted", "allocated", "licensed",
            "exported", "delivered");
}
