package dev.chipflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * chipflow's version and the git commit its classes were built from, both recorded at build time: the version by
 * Maven's resource filtering ({@code build-info.properties}), the commit by running {@code git describe} during the
 * build ({@code build-commit.properties}, see sim-scenarios/pom.xml). Nothing is read from a checkout at run time, so
 * a jar copied anywhere reports the version and commit it was built from.
 */
public final class BuildInfo {

    /** What is said of a value that was not recorded (classes built outside Maven, or outside a git checkout). */
    public static final String UNKNOWN = "unknown";

    private static final String VERSION = version(load("build-info.properties").getProperty("version"));
    private static final String COMMIT = commit(load("build-commit.properties").getProperty("commit"));

    private BuildInfo() {
    }

    /** @return e.g. {@code 0.1.0-SNAPSHOT}, or "unknown" outside a Maven build */
    public static String version() {
        return VERSION;
    }

    /** @return the 40-hex-digit commit the classes were built from, or "unknown" */
    public static String gitCommit() {
        return COMMIT;
    }

    /**
     * @param recorded the filtered value, null if missing
     * @return the version, or "unknown" if missing, empty or left unfiltered
     */
    static String version(String recorded) {
        String v = recorded == null ? "" : recorded.trim();
        return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
    }

    /**
     * @param described what {@code git describe --always --dirty --abbrev=40} printed at build time, null if nothing
     * @return its 40 hex digits, or "unknown" if it is anything else
     */
    static String commit(String described) {
        if (described == null) {
            return UNKNOWN;
        }
        String d = described.trim();
        if (d.endsWith("-dirty")) {
            d = d.substring(0, d.length() - "-dirty".length());
        }
        return d.matches("[0-9a-f]{40}") ? d : UNKNOWN;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // An unreadable resource is as good as a missing one: the values are "unknown".
        }
        return p;
    }
}
