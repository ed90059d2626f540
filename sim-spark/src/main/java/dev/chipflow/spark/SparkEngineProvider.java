package dev.chipflow.spark;

import dev.chipflow.cli.EngineProvider;
import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.Progress;

/**
 * {@code --engine spark} for the command line, found by {@link java.util.ServiceLoader} when this module is on the
 * class path ({@code chipflow-spark.jar}, or spark-submit with the sim-spark jar).
 */
public final class SparkEngineProvider implements EngineProvider {

    /** For the service loader. */
    public SparkEngineProvider() {
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ExperimentEngine create(Settings settings, Progress progress) {
        return SparkEngine.builder().master(settings.master()).block(settings.block()).progress(progress).start();
    }
}
