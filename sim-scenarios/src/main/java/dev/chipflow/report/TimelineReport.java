package dev.chipflow.report;

import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that change during a run, for reports: a numbered table (the numbers label the markers on the time
 * charts), console lines and {@code timeline.csv}.
 */
final class TimelineReport {

    private TimelineReport() {
    }

    /** @return one row per change: number, date, knob, from, to, source, trust */
    static List<List<String>> rows(Scenario s) {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Timeline.Entry e : s.timelineEntries()) {
            rows.add(List.of(Integer.toString(n++), e.change().date().toString(), e.change().knob(), e.from(),
                    e.to(), e.change().source(), e.change().trust()));
        }
        return rows;
    }

    /** Adds the section "Rules that change during the run" (nothing without a timeline). */
    static void section(Html h, Scenario s) {
        if (s.timeline().isEmpty()) {
            return;
        }
        h.tag("h2", "Rules that change during the run");
        h.p("note", "Each change acts from the start of its date; the run before that date is the same as without "
                + "it. The numbers mark the dates on the time charts. What a change does to units already in the "
                + "pipeline is in the last column.");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : rows(s)) {
            List<String> row = new ArrayList<>(r);
            row.add(Knobs.knob(r.get(2)).onChange());
            rows.add(row);
        }
        h.table(List.of("#", "from", "rule (knob)", "before", "after", "source", "trust", "what the change does"),
                rows);
    }

    /** @return one line per change, for the console */
    static List<String> lines(Scenario s) {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows(s)) {
            out.add("  " + r.get(0) + ". from " + r.get(1) + ": " + r.get(2) + " " + r.get(3) + " -> " + r.get(4)
                    + (r.get(5).equals("-") ? "" : " (" + r.get(5) + ", trust " + r.get(6) + ")"));
        }
        return out;
    }

    /** @return {@code timeline.csv}: number, date, knob, from, to, source, trust */
    static String csv(Scenario s) {
        return CsvReports.table(List.of("number", "date", "knob", "from", "to", "source", "trust"), rows(s));
    }
}
