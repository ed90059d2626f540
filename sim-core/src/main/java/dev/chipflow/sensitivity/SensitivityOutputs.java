package dev.chipflow.sensitivity;

import dev.chipflow.supply.Calendar;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What an analysis explains: units delivered by each analysis date, to all firms ({@code all.deliveredBy2026-06-30})
 * and to each firm ({@code ByteDance.deliveredBy2026-06-30}; for scenarios of at most {@link #MAX_FIRMS} firms), then
 * any scalar output of {@link SupplyResult#scalars()} by name ({@code system.capBindingShare}). The first output is the
 * headline: deliveries to all firms by the first date.
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public final class SensitivityOutputs implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Per-firm outputs are made for scenarios of at most this many firms. */
    public static final int MAX_FIRMS = 12;

    /**
     * One output.
     *
     * @param name  e.g. {@code all.deliveredBy2026-06-30}
     * @param label for people, e.g. {@code units delivered by 2026-06-30, all firms}
     * @param firm  the firm's index, -1 for all firms or a scalar output
     * @param day   the day index of a delivery output, -1 for a scalar output
     * @param total whether it is a total (all firms) or a scalar output, as opposed to one firm's
     * @serial exclude (serializable only to travel to Spark executors)
     */
    public record Output(String name, String label, int firm, int day, boolean total) implements java.io.Serializable {
    }

    private final List<Output> outputs;
    private final List<LocalDate> dates;
    private final boolean perFirm;
    private final List<String> scalars;

    private SensitivityOutputs(List<Output> outputs, List<LocalDate> dates, boolean perFirm, List<String> scalars) {
        this.outputs = List.copyOf(outputs);
        this.dates = List.copyOf(dates);
        this.perFirm = perFirm;
        this.scalars = List.copyOf(scalars);
    }

    /**
     * The default analysis dates: 2026-06-30 if the run reaches it, and the horizon's end.
     *
     * @param s the scenario
     * @return the dates, in order
     */
    public static List<LocalDate> defaultDates(Scenario s) {
        return new ArrayList<>(Calendar.defaultAnalysisDates(s.horizonEnd()));
    }

    /**
     * @param s            the scenario analysed
     * @param dates        analysis dates, each within the run, no repeats
     * @param scalarNames  scalar outputs to add, each a key of {@link SupplyResult#scalars()}
     * @param knownScalars the scalar outputs the model gives (from one replication's {@code scalars().keySet()})
     * @return the outputs
     * @throws IllegalArgumentException naming the date or output at fault and what is allowed
     */
    public static SensitivityOutputs of(Scenario s, List<LocalDate> dates, List<String> scalarNames,
            Collection<String> knownScalars) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("at least one analysis date is needed");
        }
        List<Output> out = new ArrayList<>();
        boolean perFirm = s.firms().size() <= MAX_FIRMS;
        List<LocalDate> seen = new ArrayList<>();
        for (LocalDate d : dates) {
            if (d.isBefore(Calendar.EPOCH) || d.isAfter(s.horizonEnd())) {
                throw new IllegalArgumentException("'" + d + "' is outside the run: a date from " + Calendar.EPOCH
                        + " to the horizon's end " + s.horizonEnd());
            }
            if (seen.contains(d)) {
                throw new IllegalArgumentException("'" + d + "' is given twice");
            }
            seen.add(d);
            int day = (int) Calendar.day(d);
            out.add(new Output("all.deliveredBy" + d, "units delivered by " + d + ", all firms", -1, day, true));
            if (perFirm) {
                for (int f = 0; f < s.firms().size(); f++) {
                    String firm = s.firms().get(f).name();
                    out.add(new Output(firm + ".deliveredBy" + d, "units delivered by " + d + ", " + firm, f, day,
                            false));
                }
            }
        }
        for (String n : scalarNames) {
            if (!knownScalars.contains(n)) {
                throw new IllegalArgumentException("'" + n + "' is not an output of the model; outputs are the rows "
                        + "of summary.csv, e.g. all.delivered, all.exported, system.capBindingShare, "
                        + "system.revenueUsd, FIRM.delivered, FIRM.leadTimeMeanDays");
            }
            if (out.stream().anyMatch(o -> o.name().equals(n))) {
                throw new IllegalArgumentException("'" + n + "' is given twice");
            }
            out.add(new Output(n, n, -1, -1, true));
        }
        return new SensitivityOutputs(out, dates, perFirm, scalarNames);
    }

    /** @return every output, the headline first */
    public List<Output> outputs() {
        return outputs;
    }

    /** @return the analysis dates */
    public List<LocalDate> dates() {
        return dates;
    }

    /** @return the scalar outputs named */
    public List<String> scalars() {
        return scalars;
    }

    /** @return whether per-firm outputs are included */
    public boolean perFirm() {
        return perFirm;
    }

    /** @return the number of outputs */
    public int size() {
        return outputs.size();
    }

    /**
     * @param r one replication's result
     * @return every output's value in that replication, in {@link #outputs()} order
     */
    public double[] extract(SupplyResult r) {
        double[] v = new double[outputs.size()];
        double[][] byFirm = r.series().deliveredByFirm();
        Map<String, Double> sc = scalars.isEmpty() ? null : r.scalars();
        for (int o = 0; o < v.length; o++) {
            Output out = outputs.get(o);
            if (out.day() >= 0) {
                int d = Math.min(out.day(), r.series().days() - 1);
                if (out.firm() >= 0) {
                    v[o] = byFirm[out.firm()][d];
                } else {
                    double sum = 0;
                    for (double[] f : byFirm) {
                        sum += f[d];
                    }
                    v[o] = sum;
                }
            } else {
                v[o] = sc.get(out.name());
            }
        }
        return v;
    }
}
