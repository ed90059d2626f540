package dev.chipflow.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The jars a Spark executor needs to run chipflow's tasks when the driver was started with {@code java -jar
 * chipflow-spark.jar} against a cluster (spark-submit ships its own {@code spark.jars}): chipflow's own jars and the
 * libraries the model uses, found on the driver's class path and in the manifest class path of its jars. Spark and
 * its libraries are left out: every executor has them.
 */
final class ExecutorJars {

    /** chipflow's modules and what sim-core and the scenarios use at run time. */
    private static final Pattern NEEDED = Pattern.compile(
            "(chipflow.*|sim-.*|commons-rng-.*|commons-statistics-.*|commons-numbers-.*|commons-math3-.*)\\.jar");

    private ExecutorJars() {
    }

    /** @return the jars, comma-separated as {@code spark.jars} takes them; empty if none is a jar (tests) */
    static String find() {
        return String.join(",", onClassPath().stream()
                .filter(p -> NEEDED.matcher(p.getFileName().toString()).matches()).map(Path::toString).toList());
    }

    /**
     * @return every jar on this JVM's class path and those named by their manifests' class path (chipflow-spark.jar
     *         names its libraries in lib/ rather than holding them), absolute, in class path order
     */
    static Set<Path> onClassPath() {
        Set<Path> jars = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            add(Path.of(entry), jars, true);
        }
        return jars;
    }

    private static void add(Path p, Set<Path> jars, boolean followManifest) {
        if (!Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
            return;
        }
        jars.add(p.toAbsolutePath().normalize());
        if (!followManifest) {
            return;
        }
        try (JarFile j = new JarFile(p.toFile())) {
            Manifest m = j.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                for (String rel : cp.trim().split("\\s+")) {
                    add(p.toAbsolutePath().getParent().resolve(rel), jars, false);
                }
            }
        } catch (IOException e) {
            // Not a readable jar: nothing to add from it.
        }
    }
}
