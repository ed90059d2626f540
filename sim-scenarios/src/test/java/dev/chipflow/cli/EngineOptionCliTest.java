package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --engine in chipflow.jar, which has no Spark: local works, spark says where Spark is, in one line. */
class EngineOptionCliTest {

    @Test
    void theLocalEngineIsTheDefaultAndCanBeNamed() {
        Cli.Result r = Cli.run("run", "orders-placed", "-r", "2", "--engine", "local", "--progress", "never");
        assertEquals(0, r.exit(), r.err());
        assertEquals(Cli.run("run", "orders-placed", "-r", "2", "--progress", "never").out(), r.out());
    }

    @Test
    void sparkWithoutSimSparkOnTheClassPathPointsToChipflowSparkJar() {
        Cli.Result r = Cli.run("sweep", "cap-ratio", "-r", "2", "--engine", "spark");
        assertEquals(ChipflowCli.USAGE, r.exit());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("chipflow-spark.jar"), r.err());
    }

    @Test
    void blockMustBePositive() {
        Cli.Result r = Cli.run("run", "orders-placed", "--engine", "spark", "--block", "0");
        assertEquals(ChipflowCli.USAGE, r.exit());
        assertEquals("chipflow run: --block must be at least 1, was 0", r.err().strip());
    }
}
