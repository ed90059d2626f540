package dev.chipflow.examples;

import dev.chipflow.engine.Simulator;
import dev.chipflow.queueing.ErlangC;
import dev.chipflow.queueing.MMcQueue;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.stats.BatchMeans;
import dev.chipflow.stats.Summary;

public final class SteadyStateExample {
    public static void main(String[] args) {
        Simulator sim = new Simulator();
        MMcQueue queue = new MMcQueue(sim, 0.8, 1.0, 1, RandomStreams.of(7));   // M/M/1 at utilisation 0.8
        BatchMeans waits = new BatchMeans();                                     // 20 to 39 batches
        queue.observeWaits(waits::add);
        queue.start();
        sim.runUntil(2_000);                                                     // warm-up, discarded
        queue.startMeasuring();
        sim.runUntil(1_002_000);
        Summary w = waits.confidenceInterval(0.95);
        System.out.printf("mean wait %.2f days, 95%% CI [%.2f, %.2f] from %d batches (lag-1 autocorrelation %.2f);"
                + " Erlang C: %.2f%n", w.mean(), w.lower(), w.upper(), w.n(), waits.lag1Autocorrelation(),
                new ErlangC(0.8, 1.0, 1).meanWait());
    }
}
