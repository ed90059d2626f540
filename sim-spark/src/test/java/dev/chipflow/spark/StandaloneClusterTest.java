package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real standalone cluster (a master and two workers on 127.0.0.1, each worker starting an executor JVM)
 * writes the local run's report. The driver is {@code java -jar target/chipflow-spark.jar} as a user starts it, so
 * the manifest's Add-Opens and the shipping of chipflow's jars to the executors are tested too. Every process is
 * ended afterwards.
 *
 * <p>Not in {@code mvn verify}: six JVMs take a minute or more on 2 shared cores. Run it with
 * {@code mvn -B -Pcluster verify -pl sim-spark -am} (after the package phase, since it runs the jar).
 */
class StandaloneClusterTest {

    @Test
    void aSweepOnTwoWorkersWritesTheLocalReport(@TempDir Path tmp) throws Exception {
        Path jar = Path.of("target", "chipflow-spark.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "run after the package phase: " + jar);
        Path local = tmp.resolve("local");
        SparkCliTest.Run l = SparkCliTest.chipflow(SparkCliTest.with(SparkCliTest.SWEEP, "--out", local.toString()));
        assertEquals(0, l.exit(), l.err());

        Path onCluster = tmp.resolve("cluster-report");
        List<ProcessHandle> left;
        try (LocalCluster cluster = LocalCluster.start(2, 1, tmp.resolve("cluster"))) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m"));
            LocalCluster.driverSettings(2).forEach((key, value) -> cmd.add("-D" + key + "=" + value));
            cmd.addAll(List.of("-jar", jar.toString()));
            cmd.addAll(List.of(SparkCliTest.SWEEP));
            // Blocks of 1: 12 tasks over the two executors.
            cmd.addAll(List.of("--engine", "spark", "--master", cluster.masterUrl(), "--block", "1", "--out",
                    onCluster.toString()));
            Path log = tmp.resolve("driver.log");
            Process driver = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = driver.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                driver.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(ended, "the driver did not finish in 5 minutes:\n" + out + logs(tmp.resolve("cluster")));
            assertEquals(0, driver.exitValue(), out + logs(tmp.resolve("cluster")));
            // Each worker started an executor for the application (its directory app-*/N holds the executor's logs).
            for (int w = 0; w < 2; w++) {
                try (var apps = Files.list(tmp.resolve("cluster").resolve("worker-" + w))) {
                    assertEquals(1, apps.filter(d -> d.getFileName().toString().startsWith("app-")).count(),
                            "worker " + w + " ran an executor");
                }
            }
            left = cluster.alive();
            assertTrue(left.size() >= 3, "master and two workers: " + left);
        }
        SparkCliTest.assertSameReport(local, onCluster);
        for (ProcessHandle h : left) {
            h.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(!h.isAlive(), "process " + h.pid() + " outlived the cluster");
        }
    }

    private static String logs(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".log") || f.endsWith("stderr")).toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                b.append(File.separator).append(dir.relativize(p)).append(":\n");
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(x -> b.append(x).append('\n'));
            }
        }
        return b.toString();
    }
}
