package dev.chipflow.bench;

import dev.chipflow.engine.EventList;
import dev.chipflow.engine.HeapEventList;
import dev.chipflow.engine.LadderEventList;
import java.util.PriorityQueue;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.DoublyLinked;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The event lists the hold benchmarks compare, as a JMH {@code @Param}. Each builds a {@link HoldModel} holding
 * {@code n} pending events.
 */
public enum EventListImpl {
    /** chipflow's {@link HeapEventList}: FIFO ties, O(log n) removal by id. */
    CHIPFLOW {
        @Override
        HoldModel create(double[] initialTimes) {
            return new ChipflowHold(new HeapEventList(initialTimes.length), initialTimes);
        }
    },
    /** chipflow's {@link LadderEventList}: a one-rung ladder queue over a heap, same contract, O(1) amortised. */
    CHIPFLOW_LADDER {
        @Override
        HoldModel create(double[] initialTimes) {
            return new ChipflowHold(new LadderEventList(initialTimes.length), initialTimes);
        }
    },
    /** The baseline: {@link ReferenceHeap}, bare doubles, no ties, no cancel. */
    REFERENCE {
        @Override
        HoldModel create(double[] initialTimes) {
            return new ReferenceHold(initialTimes);
        }
    },
    /** {@link PriorityQueue} of small (time, sequence) objects; {@code remove(Object)} is a linear scan. */
    PRIORITY_QUEUE {
        @Override
        HoldModel create(double[] initialTimes) {
            return new PriorityQueueHold(initialTimes);
        }
    },
    /** SSJ's default list, a splay tree. */
    SSJ_SPLAY {
        @Override
        HoldModel create(double[] initialTimes) {
            return new SsjHold(new SplayTree(), initialTimes);
        }
    },
    /** SSJ's unbalanced binary search tree. */
    SSJ_BINARY_TREE {
        @Override
        HoldModel create(double[] initialTimes) {
            return new SsjHold(new BinaryTree(), initialTimes);
        }
    },
    /** SSJ's red-black tree (a {@link java.util.TreeMap} of linked lists). */
    SSJ_RED_BLACK {
        @Override
        HoldModel create(double[] initialTimes) {
            return new SsjHold(new RedblackTree(), initialTimes);
        }
    },
    /** SSJ's Henriksen list (sorted linked list with an index array). */
    SSJ_HENRIKSEN {
        @Override
        HoldModel create(double[] initialTimes) {
            return new SsjHold(new Henriksen(), initialTimes);
        }
    },
    /** SSJ's sorted doubly linked list: O(n) insertion, only for small n. */
    SSJ_DOUBLY_LINKED {
        @Override
        HoldModel create(double[] initialTimes) {
            return new SsjHold(new DoublyLinked(), initialTimes);
        }
    };

    /**
     * @param initialTimes the times of the events pending at the start; event {@code i} gets time {@code i}
     * @return a model holding those events
     */
    abstract HoldModel create(double[] initialTimes);

    /**
     * A chipflow list; event ids are 0..n-1. The field has the interface type, but each fork builds one
     * implementation, so the calls are monomorphic.
     */
    static final class ChipflowHold implements HoldModel {
        private final EventList list;

        ChipflowHold(EventList list, double[] initialTimes) {
            this.list = list;
            for (int i = 0; i < initialTimes.length; i++) {
                list.insert(i, initialTimes[i]);
            }
        }

        @Override
        public double hold(double increment) {
            double t = list.firstTime();
            int id = list.pollFirst();
            list.insert(id, t + increment);
            return t;
        }

        @Override
        public void reschedule(int id, double time) {
            list.remove(id);
            list.insert(id, time);
        }
    }

    /** The baseline heap. */
    static final class ReferenceHold implements HoldModel {
        private final ReferenceHeap heap;

        ReferenceHold(double[] initialTimes) {
            heap = new ReferenceHeap(initialTimes.length);
            for (double t : initialTimes) {
                heap.push(t);
            }
        }

        @Override
        public double hold(double increment) {
            double t = heap.pop();
            heap.push(t + increment);
            return t;
        }

        @Override
        public void reschedule(int id, double time) {
            throw new UnsupportedOperationException("the reference heap cannot cancel");
        }
    }

    /** {@link PriorityQueue} of reused event objects, ordered by (time, sequence). */
    static final class PriorityQueueHold implements HoldModel {

        /** The least an object-based queue needs: a time and a tie-breaking sequence number. */
        static final class PqEvent implements Comparable<PqEvent> {
            double time;
            long seq;

            @Override
            public int compareTo(PqEvent o) {
                int c = Double.compare(time, o.time);
                return c != 0 ? c : Long.compare(seq, o.seq);
            }
        }

        private final PriorityQueue<PqEvent> queue;
        private final PqEvent[] events;
        private long nextSeq;

        PriorityQueueHold(double[] initialTimes) {
            queue = new PriorityQueue<>(initialTimes.length);
            events = new PqEvent[initialTimes.length];
            for (int i = 0; i < initialTimes.length; i++) {
                PqEvent e = new PqEvent();
                e.time = initialTimes[i];
                e.seq = nextSeq++;
                events[i] = e;
                queue.add(e);
            }
        }

        @Override
        public double hold(double increment) {
            PqEvent e = queue.poll();
            double t = e.time;
            e.time = t + increment;
            e.seq = nextSeq++;
            queue.add(e);
            return t;
        }

        @Override
        public void reschedule(int id, double time) {
            PqEvent e = events[id];
            queue.remove(e);
            e.time = time;
            e.seq = nextSeq++;
            queue.add(e);
        }
    }

    /** An SSJ event list driven directly, as SSJ's simulator drives it. */
    static final class SsjHold implements HoldModel {

        /** An SSJ event that can be given a new time while out of the list. */
        static final class HoldEvent extends Event {
            HoldEvent(Simulator sim) {
                super(sim);
            }

            void at(double time) {
                eventTime = time;
            }

            @Override
            public void actions() {
                // The hold model only orders events; it never runs them.
            }
        }

        private final umontreal.ssj.simevents.eventlist.EventList list;
        private final HoldEvent[] events;

        SsjHold(umontreal.ssj.simevents.eventlist.EventList list, double[] initialTimes) {
            this.list = list;
            Simulator sim = new Simulator(list);
            events = new HoldEvent[initialTimes.length];
            for (int i = 0; i < initialTimes.length; i++) {
                HoldEvent e = new HoldEvent(sim);
                e.at(initialTimes[i]);
                events[i] = e;
                list.add(e);
            }
        }

        @Override
        public double hold(double increment) {
            HoldEvent e = (HoldEvent) list.removeFirst();
            double t = e.time();
            e.at(t + increment);
            list.add(e);
            return t;
        }

        @Override
        public void reschedule(int id, double time) {
            HoldEvent e = events[id];
            e.cancel();
            e.at(time);
            list.add(e);
        }
    }
}
