package dev.chipflow.supply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The registry of a replication's scalar outputs: each one's name, unit and meaning, and how it is read from a
 * {@link SupplyResult}. {@link SupplyResult#scalars()} is built from it, in its order: per firm
 * ({@code FIRM.output}), summed over firms ({@code all.output}), then system-wide ({@code system.output}).
 */
public final class Outputs {

    /** Whose output it is, which gives the prefix of its name. */
    public enum Scope {
        /** One per firm, named {@code FIRM.key}. */
        FIRM,
        /** Summed over the firms, named {@code all.key}. */
        ALL,
        /** The system's, named {@code system.key}. */
        SYSTEM
    }

    /** One output: its key (the name without the firm or scope prefix), unit and meaning. */
    public static final class Output {
        private final Scope scope;
        private final String key;
        private final String unit;
        private final String description;
        private final ToDoubleFunction<FirmResult> ofFirm;
        private final ToDoubleFunction<SupplyResult> ofResult;

        private Output(Scope scope, String key, String unit, String description, ToDoubleFunction<FirmResult> ofFirm,
                ToDoubleFunction<SupplyResult> ofResult) {
            this.scope = scope;
            this.key = key;
            this.unit = unit;
            this.description = description;
            this.ofFirm = ofFirm;
            this.ofResult = ofResult;
        }

        /** @return whose output it is */
        public Scope scope() {
            return scope;
        }

        /** @return the name without its prefix, e.g. {@code delivered} */
        public String key() {
            return key;
        }

        /** @return the unit, e.g. {@code units}, {@code days}, {@code share}, {@code USD} */
        public String unit() {
            return unit;
        }

        /** @return what it measures, in one sentence */
        public String description() {
            return description;
        }

        /**
         * @param firm the firm's name, for a {@link Scope#FIRM} output (ignored otherwise)
         * @return the full name, as in {@link SupplyResult#scalars()}
         */
        public String name(String firm) {
            return switch (scope) {
                case FIRM -> firm + "." + key;
                case ALL -> "all." + key;
                case SYSTEM -> "system." + key;
            };
        }

        /**
         * @param f a firm's result
         * @return this per-firm output's value for the firm
         * @throws IllegalStateException if the output is not per firm
         */
        public double of(FirmResult f) {
            if (ofFirm == null) {
                throw new IllegalStateException(key + " is not a per-firm output");
            }
            return ofFirm.applyAsDouble(f);
        }

        /**
         * @param r a replication's result
         * @return this {@link Scope#ALL} or {@link Scope#SYSTEM} output's value
         * @throws IllegalStateException if the output is per firm
         */
        public double of(SupplyResult r) {
            if (ofResult == null) {
                throw new IllegalStateException(key + " is a per-firm output: read it of a FirmResult");
            }
            return ofResult.applyAsDouble(r);
        }

        @Override
        public String toString() {
            return name("FIRM") + " (" + unit + "): " + description;
        }
    }

    private static final List<Output> ALL_OUTPUTS = registry();
    private static final Map<String, Output> FIRM_BY_KEY = index(Scope.FIRM);
    private static final Map<String, Output> TOTAL_BY_KEY = index(Scope.ALL);
    private static final Map<String, Output> SYSTEM_BY_KEY = index(Scope.SYSTEM);

    private Outputs() {
    }

    /** @return every output, in the order of {@link SupplyResult#scalars()} (per firm outputs once, as templates) */
    public static List<Output> all() {
        return ALL_OUTPUTS;
    }

    /**
     * @param name a full name, e.g. {@code Alibaba.delivered}, {@code all.delivered}, {@code system.revenueUsd}
     * @return its output
     * @throws IllegalArgumentException naming the name if there is no such output
     */
    public static Output find(String name) {
        int dot = name.indexOf('.');
        Output o = null;
        if (dot > 0) {
            String prefix = name.substring(0, dot);
            String key = name.substring(dot + 1);
            o = switch (prefix) {
                case "all" -> TOTAL_BY_KEY.get(key);
                case "system" -> SYSTEM_BY_KEY.get(key);
                default -> null;
            };
            if (o == null && !prefix.equals("all") && !prefix.equals("system")) {
                // A firm's name may itself contain dots: the key is what follows the last one.
                o = FIRM_BY_KEY.get(name.substring(name.lastIndexOf('.') + 1));
            }
        }
        if (o == null) {
            throw new IllegalArgumentException("no output named '" + name + "'; outputs are FIRM.KEY, all.KEY or "
                    + "system.KEY with the keys of Outputs.all()");
        }
        return o;
    }

    /**
     * @param r    a replication's result
     * @param name a full name
     * @return the output's value, read without building the map of {@link SupplyResult#scalars()}
     */
    public static double value(SupplyResult r, String name) {
        Output o = find(name);
        return o.scope() == Scope.FIRM ? o.of(r.firm(name.substring(0, name.length() - o.key().length() - 1)))
                : o.of(r);
    }

    /**
     * @param r a replication's result
     * @return every output's value by full name, in registry order with the firms in scenario order (what
     *         {@link SupplyResult#scalars()} returns)
     */
    static Map<String, Double> values(SupplyResult r) {
        List<String> names = names(r.firms().stream().map(FirmResult::name).toList());
        double[] v = new double[names.size()];
        fill(r, v, 0);
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < v.length; k++) {
            m.put(names.get(k), v[k]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * @param firms the firms, in scenario order
     * @return every output's full name, in the order of {@link SupplyResult#scalars()} and {@link #fill}
     */
    public static List<String> names(List<String> firms) {
        List<String> names = new ArrayList<>();
        for (String f : firms) {
            for (Output o : ALL_OUTPUTS) {
                if (o.scope() == Scope.FIRM) {
                    names.add(o.name(f));
                }
            }
        }
        for (Output o : ALL_OUTPUTS) {
            if (o.scope() != Scope.FIRM) {
                names.add(o.name(null));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Writes every output's value in the order of {@link #names}, without building a map.
     *
     * @param r      a replication's result
     * @param into   where to write
     * @param offset the first index written
     * @return the index after the last one written
     */
    static int fill(SupplyResult r, double[] into, int offset) {
        int k = offset;
        for (FirmResult f : r.firms()) {
            for (Output o : ALL_OUTPUTS) {
                if (o.scope() == Scope.FIRM) {
                    into[k++] = o.of(f);
                }
            }
        }
        for (Output o : ALL_OUTPUTS) {
            if (o.scope() != Scope.FIRM) {
                into[k++] = o.of(r);
            }
        }
        return k;
    }

    private static Map<String, Output> index(Scope scope) {
        Map<String, Output> m = new LinkedHashMap<>();
        for (Output o : ALL_OUTPUTS) {
            if (o.scope() == scope) {
                m.put(o.key(), o);
            }
        }
        return m;
    }

    private static double sum(SupplyResult r, ToDoubleFunction<FirmResult> f) {
        double s = 0;
        for (FirmResult x : r.firms()) {
            s += f.applyAsDouble(x);
        }
        return s;
    }

    private static List<Output> registry() {
        List<Output> l = new ArrayList<>();
        List<ToDoubleFunction<FirmResult>> counts = List.of(FirmResult::ordered, FirmResult::approved,
                FirmResult::converted, FirmResult::allocated, FirmResult::licensed, FirmResult::exported,
                FirmResult::delivered);
        List<String> meaning = List.of("H200 units ordered", "units ordered and covered by a Chinese approval",
                "units turned into purchase orders (past the conversion stage)", "units allocated from Nvidia supply",
                "units covered by a US licence", "units that passed the US test and left for China",
                "units delivered");
        for (int i = 0; i < counts.size(); i++) {
            l.add(new Output(Scope.FIRM, SupplyResult.COUNTS.get(i), "units", meaning.get(i), counts.get(i), null));
        }
        l.add(new Output(Scope.FIRM, "deliveredH20eq", "H20-equivalent units",
                "units delivered expressed as H20 equivalents, by TPP", FirmResult::deliveredH20Equivalents, null));
        l.add(new Output(Scope.FIRM, "deliveredPflops", "PFLOPS (BF16)", "BF16 compute of the units delivered",
                FirmResult::deliveredPflops, null));
        l.add(new Output(Scope.FIRM, "domesticChips", "domestic chips",
                "domestic chips the firm bought to meet the quota", FirmResult::domesticChips, null));
        l.add(new Output(Scope.FIRM, "leadTimeMeanDays", "days",
                "mean days from order to delivery of delivered units (unit-weighted); NaN if none",
                FirmResult::leadTimeMean, null));
        l.add(new Output(Scope.FIRM, "leadTimeP50Days", "days", "median lead time of delivered units; NaN if none",
                FirmResult::leadTimeP50, null));
        l.add(new Output(Scope.FIRM, "leadTimeP90Days", "days",
                "90th percentile lead time of delivered units; NaN if none", FirmResult::leadTimeP90, null));
        for (int i = 0; i < counts.size(); i++) {
            ToDoubleFunction<FirmResult> c = counts.get(i);
            l.add(new Output(Scope.ALL, SupplyResult.COUNTS.get(i), "units", meaning.get(i) + ", all firms", null,
                    r -> sum(r, c)));
        }
        l.add(new Output(Scope.ALL, "deliveredH20eq", "H20-equivalent units",
                "units delivered to all firms expressed as H20 equivalents, by TPP", null,
                r -> Compute.h20Equivalents(sum(r, FirmResult::delivered))));
        l.add(new Output(Scope.ALL, "deliveredPflops", "PFLOPS (BF16)", "BF16 compute of the units delivered to all "
                + "firms", null, r -> Compute.h200Pflops(sum(r, FirmResult::delivered))));
        l.add(system("inventoryEnd", "units", "Nvidia inventory left at the end", s -> s.inventoryEnd()));
        l.add(system("produced", "units", "units produced for China within the horizon", s -> s.produced()));
        l.add(system("capHeadroomEnd", "units", "ratio x US - China shipments in the cap's window at the end",
                SystemResult::capHeadroomEnd));
        l.add(system("capBindingShare", "share",
                "share of the time since the policy start during which a shipment waited at the cap",
                SystemResult::capBindingShare));
        l.add(system("chinaShipped", "units", "units released under the cap, in the cap's window at the end",
                SystemResult::chinaShipped));
        l.add(system("labMeanQueue", "shipments", "time-average shipments waiting for a lab line",
                SystemResult::labMeanQueue));
        l.add(system("labMeanWaitDays", "days", "mean days a shipment waited for a lab line (per test)",
                SystemResult::labMeanWaitDays));
        l.add(system("labUtilisation", "share", "time-average busy lab lines / lines; NaN with unlimited lines",
                SystemResult::labUtilisation));
        l.add(system("domesticBought", "domestic chips", "domestic chips bought by the firms for the quota",
                SystemResult::domesticBought));
        l.add(system("revenueUsd", "USD", "Nvidia's revenue from exported units", SystemResult::revenueUsd));
        l.add(system("usTakeUsd", "USD", "the US share of that revenue", SystemResult::usTakeUsd));
        l.add(system("importedPflops", "PFLOPS (BF16)", "BF16 compute of H200 delivered",
                SystemResult::importedPflops));
        l.add(system("domesticPflops", "PFLOPS (BF16)", "BF16 compute of domestic chips bought",
                SystemResult::domesticPflops));
        return List.copyOf(l);
    }

    private static Output system(String key, String unit, String description, ToDoubleFunction<SystemResult> f) {
        return new Output(Scope.SYSTEM, key, unit, description, null, r -> f.applyAsDouble(r.system()));
    }
}
