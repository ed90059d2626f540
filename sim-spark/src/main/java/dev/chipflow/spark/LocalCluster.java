package dev.chipflow.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on this machine, for the cluster test and the benchmark: a master and N workers on
 * 127.0.0.1, each its own JVM started from the Spark jars on this JVM's class path (no Spark distribution needed), and
 * each worker starting its executors as JVMs of their own. {@link #close()} ends every process it started, the
 * executors included.
 *
 * <p>The workers' Spark home holds Spark's jars but none of chipflow's, so the executors get chipflow's classes only
 * as a driver ships them ({@code spark.jars}), as on a real cluster.
 */
public final class LocalCluster implements AutoCloseable {

    /** JVM options Spark needs on Java 17 (as its own launcher passes them). */
    public static final List<String> JAVA17_OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect",
            "java.io", "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
            "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar").stream()
            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();

    /** chipflow's own jars, kept out of the workers' Spark home. */
    private static final Pattern CHIPFLOW = Pattern.compile("(chipflow.*|sim-.*)\\.jar");

    private final String masterUrl;
    private final List<Process> processes = new ArrayList<>();
    private final Set<ProcessHandle> started = new LinkedHashSet<>();

    private LocalCluster(String masterUrl) {
        this.masterUrl = masterUrl;
    }

    /**
     * Starts a master and its workers and waits until the master listens.
     *
     * @param workers        workers, each its own JVM
     * @param coresPerWorker cores each worker offers
     * @param dir            a directory for the Spark home, the workers' directories and the logs
     * @return the cluster
     */
    public static LocalCluster start(int workers, int coresPerWorker, Path dir) {
        try {
            Path home = sparkHome(dir.resolve("spark-home"));
            int port = freePort();
            LocalCluster c = new LocalCluster("spark://127.0.0.1:" + port);
            try {
                c.launch(home, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host",
                        "127.0.0.1", "--port", Integer.toString(port), "--webui-port",
                        Integer.toString(freePort()));
                awaitPort(port, 60);
                for (int w = 0; w < workers; w++) {
                    Path work = Files.createDirectories(dir.resolve("worker-" + w));
                    c.launch(home, dir.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
                            "--host", "127.0.0.1", "--cores", Integer.toString(coresPerWorker), "--memory", "1g",
                            "--webui-port", Integer.toString(freePort()), "--work-dir", work.toString(),
                            c.masterUrl);
                }
                return c;
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the local Spark cluster did not start", e);
        }
    }

    /** @return {@code spark://127.0.0.1:PORT} */
    public String masterUrl() {
        return masterUrl;
    }

    /** @return the processes started so far that are still alive: master, workers and their executors */
    public List<ProcessHandle> alive() {
        Set<ProcessHandle> all = new LinkedHashSet<>(started);
        for (Process p : processes) {
            p.descendants().forEach(all::add);
        }
        started.addAll(all);
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    /**
     * The driver settings a cluster of {@code cores} cores in all needs so that the first job waits for every
     * executor rather than starting on the first one.
     *
     * @param cores the cluster's cores
     * @return each setting's key and value
     */
    public static Map<String, String> driverSettings(int cores) {
        return Map.of("spark.driver.host", "127.0.0.1", "spark.cores.max", Integer.toString(cores),
                "spark.executor.memory", "512m", "spark.scheduler.minRegisteredResourcesRatio", "1.0",
                "spark.scheduler.maxRegisteredResourcesWaitingTime", "120s");
    }

    private void launch(Path home, Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(JAVA17_OPENS);
        cmd.add("-cp");
        cmd.add(home.resolve("jars").toString() + File.separator + "*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        processes.add(p);
        started.add(p.toHandle());
    }

    /** A Spark home whose jars/ links every jar of this JVM's class path but chipflow's own. */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (Path jar : ExecutorJars.onClassPath()) {
            Path link = jars.resolve(jar.getFileName());
            if (!CHIPFLOW.matcher(jar.getFileName().toString()).matches() && !Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, int seconds) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the Spark master", e);
                }
            }
        }
        throw new IOException("the Spark master did not listen on port " + port + " within " + seconds + " s");
    }

    /** Ends the workers (which end their executors), then the master, then anything left, forcibly. */
    @Override
    public void close() {
        List<ProcessHandle> all = alive();
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }
}
