package dev.chipflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * chipflow's version (written into a resource by Maven's resource filtering) and the git commit of the checkout the
 * running classes were built in: read from the {@code .git} directory above the jar (or classes directory), else from
 * {@code git rev-parse HEAD} run there, else "unknown".
 */
public final class BuildInfo {

    private static final String VERSION = readVersion();
    private static volatile String commit;

    private BuildInfo() {
    }

    /** @return e.g. {@code 0.1.0-SNAPSHOT}, or "unknown" outside a Maven build */
    public static String version() {
        return VERSION;
    }

    /** @return the 40-hex-digit commit, or "unknown" */
    public static String gitCommit() {
        String c = commit;
        if (c == null) {
            c = findCommit();
            commit = c;
        }
        return c;
    }

    private static String readVersion() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String findCommit() {
        Path start = codeLocation();
        if (start == null) {
            return "unknown";
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                String fromFiles = readHead(git);
                if (fromFiles != null) {
                    return fromFiles;
                }
                String fromGit = runGit(dir);
                return fromGit == null ? "unknown" : fromGit;
            }
        }
        return "unknown";
    }

    private static Path codeLocation() {
        try {
            CodeSource cs = BuildInfo.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return null;
            }
            Path p = Path.of(cs.getLocation().toURI()).toRealPath();
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (URISyntaxException | IOException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** Reads HEAD, following one symbolic ref to a loose or packed ref. */
    private static String readHead(Path git) {
        try {
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
            if (!head.startsWith("ref:")) {
                return hex(head);
            }
            String ref = head.substring(4).trim();
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return hex(Files.readString(loose, StandardCharsets.UTF_8).trim());
            }
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    String[] p = line.trim().split(" ");
                    if (p.length == 2 && p[1].equals(ref)) {
                        return hex(p[0]);
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String runGit(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? hex(out) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String hex(String s) {
        return s.matches("[0-9a-f]{40}") ? s : null;
    }
}
