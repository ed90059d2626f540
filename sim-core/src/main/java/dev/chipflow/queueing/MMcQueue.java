package dev.chipflow.queueing;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.DoubleFifo;
import dev.chipflow.engine.Simulator;
import dev.chipflow.experiment.Scalars;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.stats.Tally;
import dev.chipflow.stats.TimeWeighted;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The M/M/c queue on the engine: Poisson arrivals, exponential service, c servers, one FIFO line. Statistics are
 * collected after a warm-up. Arrivals and services draw from their own streams ({@code mmc.arrivals},
 * {@code mmc.services}).
 */
public final class MMcQueue {

    /**
     * What one run measured after the warm-up.
     *
     * @param meanWait        mean waiting time in queue of customers who started service
     * @param meanQueueLength time-average number waiting
     * @param utilisation     time-average busy servers / c
     * @param served          customers who started service
     * @param events          events executed, warm-up included
     */
    public record Result(double meanWait, double meanQueueLength, double utilisation, long served, long events)
            implements Scalars {
        @Override
        public Map<String, Double> scalars() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("meanWait", meanWait);
            m.put("meanQueueLength", meanQueueLength);
            m.put("utilisation", utilisation);
            m.put("served", (double) served);
            return m;
        }
    }

    private final Simulator sim;
    private final int servers;
    private final ContinuousSampler interarrival;
    private final ContinuousSampler service;
    /** Arrival times of the customers waiting, in order: the line itself. */
    private final DoubleFifo line = new DoubleFifo(1024);
    private int busy;
    private final Tally waits = new Tally();
    private final TimeWeighted queueLength = new TimeWeighted(0, 0);
    private final TimeWeighted busyServers = new TimeWeighted(0, 0);
    private boolean measuring;
    private DoubleConsumer waitObserver;

    private final EventHandler arrival = ignored -> arrive();
    private final EventHandler departure = ignored -> depart();

    /**
     * @param sim         the simulator to run on
     * @param arrivalRate lambda
     * @param serviceRate mu per server
     * @param servers     c
     * @param streams     the replication's streams
     */
    public MMcQueue(Simulator sim, double arrivalRate, double serviceRate, int servers, RandomStreams streams) {
        new ErlangC(arrivalRate, serviceRate, servers);
        this.sim = sim;
        this.servers = servers;
        this.interarrival = ZigguratSampler.Exponential.of(streams.stream("mmc.arrivals"), 1 / arrivalRate);
        this.service = ZigguratSampler.Exponential.of(streams.stream("mmc.services"), 1 / serviceRate);
    }

    /**
     * Runs one replication on a new simulator.
     *
     * @param arrivalRate lambda
     * @param serviceRate mu
     * @param servers     c
     * @param warmup      time discarded before measuring
     * @param horizon     time at which the run ends (after the warm-up)
     * @param streams     the replication's streams
     * @return what was measured over [warmup, horizon]
     */
    public static Result run(double arrivalRate, double serviceRate, int servers, double warmup, double horizon,
            RandomStreams streams) {
        if (!(warmup >= 0) || !(horizon > warmup)) {
            throw new IllegalArgumentException("need 0 <= warmup < horizon, was warmup=" + warmup + ", horizon="
                    + horizon);
        }
        Simulator sim = new Simulator();
        MMcQueue q = new MMcQueue(sim, arrivalRate, serviceRate, servers, streams);
        q.start();
        sim.runUntil(warmup);
        q.startMeasuring();
        sim.runUntil(horizon);
        return q.result();
    }

    /**
     * Hands each measured wait (after {@link #startMeasuring()}), in the order customers start service, to
     * {@code observer} too: e.g. a {@link dev.chipflow.stats.BatchMeans} for a confidence interval from one long run.
     *
     * @param observer receives each wait in queue; null for none
     */
    public void observeWaits(DoubleConsumer observer) {
        this.waitObserver = observer;
    }

    /** Schedules the first arrival. */
    public void start() {
        sim.schedule(interarrival.sample(), arrival);
    }

    /** Discards what was observed so far. */
    public void startMeasuring() {
        measuring = true;
        queueLength.reset(sim.now());
        busyServers.reset(sim.now());
    }

    /** @return the measurements up to now */
    public Result result() {
        double t = sim.now();
        return new Result(waits.count() == 0 ? 0 : waits.mean(), queueLength.mean(t), busyServers.mean(t) / servers,
                waits.count(), sim.eventsExecuted());
    }

    private void arrive() {
        double now = sim.now();
        if (busy < servers) {
            startService(now, now);
        } else {
            line.add(now);
            queueLength.update(now, line.size());
        }
        sim.schedule(interarrival.sample(), arrival);
    }

    private void startService(double now, double arrived) {
        busy++;
        busyServers.update(now, busy);
        if (measuring) {
            double wait = now - arrived;
            waits.add(wait);
            if (waitObserver != null) {
                waitObserver.accept(wait);
            }
        }
        sim.schedule(service.sample(), departure);
    }

    private void depart() {
        double now = sim.now();
        busy--;
        busyServers.update(now, busy);
        if (!line.isEmpty()) {
            double arrived = line.poll();
            queueLength.update(now, line.size());
            startService(now, arrived);
        }
    }
}
