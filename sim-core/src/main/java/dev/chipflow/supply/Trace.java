package dev.chipflow.supply;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the model reports every movement when a full trace is asked for. The {@link #OFF} trace does nothing and costs
 * a call the JIT removes, so memory does not grow with the horizon unless the trace is on.
 */
interface Trace {

    /** Records nothing. */
    Trace OFF = new Trace() {
        @Override
        public void record(double time, TraceEvent.Kind kind, int shipment, int firm, long units, Stage from,
                Stage to, int other) {
        }

        @Override
        public List<TraceEvent> events() {
            return List.of();
        }
    };

    /** Records one entry; see {@link TraceEvent} for the fields. */
    void record(double time, TraceEvent.Kind kind, int shipment, int firm, long units, Stage from, Stage to,
            int other);

    /** @return what was recorded, in order */
    List<TraceEvent> events();

    /** @return a trace that keeps every entry */
    static Trace recording() {
        List<TraceEvent> list = new ArrayList<>();
        return new Trace() {
            @Override
            public void record(double time, TraceEvent.Kind kind, int shipment, int firm, long units, Stage from,
                    Stage to, int other) {
                list.add(new TraceEvent(time, kind, shipment, firm, units, from, to, other));
            }

            @Override
            public List<TraceEvent> events() {
                return list;
            }
        };
    }
}
