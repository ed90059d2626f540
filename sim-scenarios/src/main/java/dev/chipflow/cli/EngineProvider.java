package dev.chipflow.cli;

import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.Progress;

/**
 * An engine the command line can run experiments on besides the local threads ({@code --engine NAME}), found with
 * {@link java.util.ServiceLoader} in {@code META-INF/services/dev.chipflow.cli.EngineProvider}. This is how
 * {@code --engine spark} reaches Apache Spark: the {@code sim-spark} module provides it, and only
 * {@code chipflow-spark.jar} (or {@code spark-submit} with the sim-spark jar) has it on the classpath, so neither
 * sim-core nor the default {@code chipflow.jar} carries Spark.
 */
public interface EngineProvider {

    /**
     * What the command line says about the engine.
     *
     * @param master  {@code --master}, or null for the engine's default
     * @param block   {@code --block}: replications per task, or null for the engine's default
     * @param threads {@code --threads}: worker threads of this JVM
     */
    record Settings(String master, Integer block, int threads) {
    }

    /** @return the name {@code --engine} gives, e.g. {@code spark} */
    String name();

    /**
     * Starts an engine; the caller closes it.
     *
     * @param settings what the command line says
     * @param progress told as replications finish
     * @return the engine
     * @throws IllegalArgumentException if a setting is wrong (a bad master URL): the message is one line for the user
     */
    ExperimentEngine create(Settings settings, Progress progress);
}
