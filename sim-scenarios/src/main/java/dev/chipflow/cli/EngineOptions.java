package dev.chipflow.cli;

import picocli.CommandLine.Option;

/**
 * Where the replications run: {@code --engine}, {@code --master}, {@code --block}. A picocli mixin of
 * {@link ExperimentOptions} (run, compare, sweep, explain) and of {@code rerun}; {@link ExperimentOptions#validate()}
 * checks them and {@link ExperimentOptions#engine} starts the engine.
 */
final class EngineOptions {

    // Initialised here too: rerun and sensitivity build ExperimentOptions without picocli.
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "Where the replications run: local (the threads of this JVM) or spark (Apache Spark, with "
                    + "chipflow-spark.jar; see README). Results do not depend on it. Default: ${DEFAULT-VALUE}.")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[4] or spark://HOST:7077. Default: "
                    + "spark-submit's --master, else local[*].")
    String master;

    @Option(names = "--block", paramLabel = "N",
            description = "With --engine spark: replications per Spark task. Default: about two tasks per core. "
                    + "Results do not depend on it.")
    Integer block;
}
