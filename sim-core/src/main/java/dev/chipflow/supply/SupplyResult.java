package dev.chipflow.supply;

import dev.chipflow.experiment.Scalars;
import java.util.Collections;
import java.util.LinkedHashMap;
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
     * {@code system.output}. Lead times are NaN where nothing was delivered.
     */
    @Override
    public Map<String, Double> scalars() {
        Map<String, Double> m = new LinkedHashMap<>();
        long[] totals = new long[8];
        for (FirmResult f : firms) {
            String p = f.name() + ".";
            long[] v = {f.ordered(), f.approved(), f.converted(), f.allocated(), f.licensed(), f.exported(),
                f.delivered()};
            for (int i = 0; i < COUNTS.size(); i++) {
                m.put(p + COUNTS.get(i), (double) v[i]);
                totals[i] += v[i];
            }
            m.put(p + "deliveredH20eq", f.deliveredH20Equivalents());
            m.put(p + "deliveredPflops", f.deliveredPflops());
            m.put(p + "domesticChips", f.domesticChips());
            m.put(p + "leadTimeMeanDays", f.leadTimeMean());
            m.put(p + "leadTimeP50Days", f.leadTimeP50());
            m.put(p + "leadTimeP90Days", f.leadTimeP90());
        }
        for (int i = 0; i < COUNTS.size(); i++) {
            m.put("all." + COUNTS.get(i), (double) totals[i]);
        }
        SystemResult s = system;
        m.put("all.deliveredH20eq", Compute.h20Equivalents(totals[6]));
        m.put("all.deliveredPflops", Compute.h200Pflops(totals[6]));
        m.put("system.inventoryEnd", (double) s.inventoryEnd());
        m.put("system.produced", (double) s.produced());
        m.put("system.capHeadroomEnd", s.capHeadroomEnd());
        m.put("system.capBindingShare", s.capBindingShare());
        m.put("system.chinaShipped", s.chinaShipped());
        m.put("system.labMeanQueue", s.labMeanQueue());
        m.put("system.labMeanWaitDays", s.labMeanWaitDays());
        m.put("system.labUtilisation", s.labUtilisation());
        m.put("system.domesticBought", s.domesticBought());
        m.put("system.revenueUsd", s.revenueUsd());
        m.put("system.usTakeUsd", s.usTakeUsd());
        m.put("system.importedPflops", s.importedPflops());
        m.put("system.domesticPflops", s.domesticPflops());
        return Collections.unmodifiableMap(m);
    }

    /** The per-firm counts, in pipeline order, as named in {@link #scalars()}. */
    public static final List<String> COUNTS = List.of("ordered", "approved", "converted", "allocated", "licensed",
            "exported", "delivered");
}
