package dev.chipflow.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
     * @throws ReportException naming the directory and the reason, with nothing written and no directory made
     */
    public static Path write(Path target, Map<String, byte[]> files) {
        // Checked again: the run may have taken long enough for the file system to change since check().
        check(target);
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        Path firstMade = firstMissing(parent);
        Path tmp = null;
        boolean written = false;
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
                written = true;
                deleteTree(old);
            } else {
                move(tmp, dir);
                tmp = null;
                written = true;
            }
            return dir;
        } catch (IOException e) {
            throw new ReportException(written ? "wrote the report to '" + dir + "' but could not remove the one it "
                    + "replaced: " + reason(e) : "cannot write the report to --out '" + target + "' (" + dir + "): "
                    + reason(e));
        } finally {
            // Best effort: the failure that brought us here is what the user needs to see.
            if (tmp != null) {
                try {
                    deleteTree(tmp);
                } catch (IOException ignored) {
                    // see above
                }
            }
            if (!written && firstMade != null) {
                removeEmptyDirectories(parent, firstMade);
            }
        }
    }

    /**
     * Checks, before anything runs, that a report could be written to {@code target}, so that a bad {@code --out}
     * fails in a second instead of after the whole run.
     *
     * @param target the report directory
     * @throws ReportException naming {@code --out}, the value and why it cannot be written: it is a file, a
     *                         directory of other files, inside a file, or in a directory this user cannot write
     */
    public static void check(Path target) {
        Path dir = target.toAbsolutePath().normalize();
        if (dir.getParent() == null) {
            throw unwritable(target, "it is the root directory");
        }
        checkReplaceable(target, dir);
        checkWritable(target, dir);
    }

    private static void checkReplaceable(Path target, Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw unwritable(target, "it is a file, not a directory");
        }
        if (Files.exists(dir.resolve(MARKER))) {
            return;
        }
        try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
            if (d.iterator().hasNext()) {
                throw new ReportException("--out '" + target + "' exists and is not a chipflow report (no " + MARKER
                        + "); choose a new or empty directory");
            }
        } catch (IOException e) {
            throw unwritable(target, "its contents cannot be listed (" + reason(e) + ")");
        }
    }

    /**
     * The report goes into a temporary directory made in the parent (made first if missing), then renamed: so the
     * nearest existing ancestor must be a directory this user can write, and a report replaced must be writable too
     * (its files are deleted).
     */
    private static void checkWritable(Path target, Path dir) {
        Path existing = dir.getParent();
        while (!Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                throw unwritable(target, "'" + existing + "' is a symbolic link to nothing");
            }
            existing = existing.getParent();
            if (existing == null) {
                return; // Nothing exists, not even the root: let the write say why.
            }
        }
        if (!Files.isDirectory(existing)) {
            throw unwritable(target, "'" + existing + "' is a file, not a directory");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw unwritable(target, whyNotWritable(existing));
        }
        if (Files.isDirectory(dir) && (!Files.isWritable(dir) || !Files.isExecutable(dir))) {
            throw unwritable(target, whyNotWritable(dir));
        }
    }

    private static String whyNotWritable(Path d) {
        try {
            if (Files.getFileStore(d).isReadOnly()) {
                return "'" + d + "' is on a read-only file system";
            }
        } catch (IOException e) {
            // Fall through to the usual reason.
        }
        return "permission denied: this user cannot write in '" + d + "'";
    }

    private static ReportException unwritable(Path target, String why) {
        return new ReportException("--out '" + target + "' cannot be written: " + why + "; expected a new or empty "
                + "directory, or an earlier chipflow report, in a directory this user can write");
    }

    /** @return the highest ancestor of {@code d} (or {@code d}) that does not exist, or null if {@code d} exists */
    private static Path firstMissing(Path d) {
        Path missing = null;
        for (Path p = d; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes the directories a failed write made, from {@code d} up to {@code top}, stopping at one not empty. */
    private static void removeEmptyDirectories(Path d, Path top) {
        for (Path p = d; p != null; p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return;
            }
            if (p.equals(top)) {
                return;
            }
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

    /** @return why an I/O operation failed, in words, without naming the temporary directories */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException x) {
            return "'" + x.getFile() + "' is in the way (a file where a directory is needed)";
        }
        if (e instanceof NoSuchFileException) {
            return "a directory disappeared while the report was written";
        }
        if (e instanceof FileSystemException x && x.getReason() != null) {
            return x.getReason();
        }
        String m = e.getMessage();
        return m == null ? "I/O error" : m.replace('\n', ' ');
    }
}
