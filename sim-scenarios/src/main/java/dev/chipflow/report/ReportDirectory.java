package dev.chipflow.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Writes a report directory whole or not at all: the files go to a hidden temporary directory beside the target,
 * which is then renamed onto it. An existing target is replaced only if it is empty or is itself a chipflow report
 * (it holds a manifest.json), so that {@code --out} never deletes a directory of other files.
 */
public final class ReportDirectory {

    /** The file that marks a directory as a chipflow report. */
    public static final String MARKER = "manifest.json";

    private ReportDirectory() {
    }

    /**
     * @param target the report directory
     * @param files  file name to contents (plain names, no sub-directories)
     * @return the report directory's absolute path
     * @throws ReportException naming the directory and the reason, with nothing written
     */
    public static Path write(Path target, Map<String, byte[]> files) {
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null) {
            throw new ReportException("cannot write a report to '" + target + "': choose a directory below the root");
        }
        checkReplaceable(dir);
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".tmp-");
            readableByAll(tmp);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            if (Files.exists(dir)) {
                Path old = Files.createTempDirectory(parent, "." + dir.getFileName() + ".old-");
                Files.delete(old);
                move(dir, old);
                move(tmp, dir);
                tmp = null;
                deleteTree(old);
            } else {
                move(tmp, dir);
                tmp = null;
            }
            return dir;
        } catch (IOException e) {
            throw new ReportException("cannot write the report to '" + dir + "': " + reason(e));
        } finally {
            if (tmp != null) {
                try {
                    deleteTree(tmp);
                } catch (IOException ignored) {
                    // Best effort: the failure that brought us here is what the user needs to see.
                }
            }
        }
    }

    /**
     * Checks, before anything runs, that a report could be written to {@code target}.
     *
     * @param target the report directory
     * @throws ReportException if it is a file, or a directory of other files
     */
    public static void check(Path target) {
        checkReplaceable(target.toAbsolutePath().normalize());
    }

    private static void checkReplaceable(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new ReportException("--out '" + dir + "' is a file, not a directory");
        }
        if (Files.exists(dir.resolve(MARKER))) {
            return;
        }
        try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
            if (d.iterator().hasNext()) {
                throw new ReportException("--out '" + dir + "' exists and is not a chipflow report (no " + MARKER
                        + "); choose a new or empty directory");
            }
        } catch (IOException e) {
            throw new ReportException("cannot read '" + dir + "': " + reason(e));
        }
    }

    /** A temporary directory is private to its owner; a report is as readable as any directory made by hand. */
    private static void readableByAll(Path d) throws IOException {
        if (d.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return (kind.isEmpty() ? "I/O error" : kind) + (m == null ? "" : " (" + m.replace('\n', ' ') + ")");
    }
}
