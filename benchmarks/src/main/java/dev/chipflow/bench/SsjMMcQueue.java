package dev.chipflow.bench;

import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Accumulate;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.stat.Tally;

/**
 * The M/M/c queue written for SSJ the way SSJ's own examples write it (one {@link Event} subclass per kind of event,
 * {@link MRG32k3a} streams, {@link ExponentialGen}, {@link Tally} and {@link Accumulate}), so that the engine benchmark
 * compares chipflow's {@link dev.chipflow.queueing.MMcQueue} with its SSJ twin.
 *
 * <p>To compare engines rather than allocators, it is given the same advantages as the chipflow model: the arrival
 * event reschedules itself, each server owns one reusable departure event, and the line is a ring of doubles, so the
 * model allocates nothing per customer. What SSJ allocates is its own (a splay-tree entry per scheduled event).
 */
final class SsjMMcQueue {

    private final Simulator simulator = new Simulator();
    private final int servers;
    private final ExponentialGen interarrival;
    private final ExponentialGen service;
    private final Tally waits = new Tally("waits");
    private final Accumulate queueLength = new Accumulate(simulator, "queue length");
    private final Accumulate busyServers = new Accumulate(simulator, "busy servers");
    private final Departure[] idleDepartures;
    private int idleCount;
    private double[] line = new double[1024];
    private int head;
    private int waiting;
    private long events;

    /**
     * @param arrivalRate lambda
     * @param serviceRate mu per server
     * @param servers     c
     */
    SsjMMcQueue(double arrivalRate, double serviceRate, int servers) {
        this.servers = servers;
        interarrival = new ExponentialGen(new MRG32k3a("mmc.arrivals"), arrivalRate);
        service = new ExponentialGen(new MRG32k3a("mmc.services"), serviceRate);
        idleDepartures = new Departure[servers];
        for (int i = 0; i < servers; i++) {
            idleDepartures[idleCount++] = new Departure();
        }
        simulator.init();
        queueLength.init(0);
        busyServers.init(0);
        new Arrival().schedule(interarrival.nextDouble());
    }

    /**
     * Runs the simulation for {@code span} more time units.
     *
     * @return the arrivals and departures executed
     */
    long advance(double span) {
        long before = events;
        new EndOfSpan().schedule(span);
        simulator.start();
        return events - before;
    }

    /** @return the mean wait in queue so far (keeps the statistics live) */
    double meanWait() {
        return waits.average();
    }

    private final class Arrival extends Event {
        Arrival() {
            super(simulator);
        }

        @Override
        public void actions() {
            events++;
            double now = sim.time();
            if (idleCount > 0) {
                startService(now, now);
            } else {
                enqueue(now);
                queueLength.update(waiting);
            }
            schedule(interarrival.nextDouble());
        }
    }

    private final class Departure extends Event {
        Departure() {
            super(simulator);
        }

        @Override
        public void actions() {
            events++;
            idleDepartures[idleCount++] = this;
            busyServers.update(servers - idleCount);
            if (waiting > 0) {
                double arrived = dequeue();
                queueLength.update(waiting);
                startService(sim.time(), arrived);
            }
        }
    }

    private final class EndOfSpan extends Event {
        EndOfSpan() {
            super(simulator);
        }

        @Override
        public void actions() {
            sim.stop();
        }
    }

    private void startService(double now, double arrived) {
        Departure d = idleDepartures[--idleCount];
        busyServers.update(servers - idleCount);
        waits.add(now - arrived);
        d.schedule(service.nextDouble());
    }

    private void enqueue(double arrived) {
        if (waiting == line.length) {
            double[] bigger = new double[line.length * 2];
            for (int i = 0; i < waiting; i++) {
                bigger[i] = line[(head + i) % line.length];
            }
            line = bigger;
            head = 0;
        }
        line[(head + waiting) % line.length] = arrived;
        waiting++;
    }

    private double dequeue() {
        double v = line[head];
        head = (head + 1) % line.length;
        waiting--;
        return v;
    }
}
