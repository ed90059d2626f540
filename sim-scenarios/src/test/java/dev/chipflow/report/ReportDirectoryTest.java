package dev.chipflow.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryTest {

    @TempDir
    Path tmp;

    private static Map<String, byte[]> files(String text) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("a.csv", text.getBytes(StandardCharsets.UTF_8));
        m.put(ReportDirectory.MARKER, "{}".getBytes(StandardCharsets.UTF_8));
        return m;
    }

    @Test
    void writesANewDirectoryAndReplacesAnEarlierReportWhole() throws IOException {
        Path out = tmp.resolve("report");
        ReportDirectory.write(out, files("one"));
        Files.writeString(out.resolve("stale.txt"), "from the first run");
        ReportDirectory.write(out, files("two"));
        assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out.resolve("a.csv")));
        assertFalse(Files.exists(out.resolve("stale.txt")), "the old report is replaced, not merged");
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.allMatch(p -> p.equals(out)), "no temporary directory is left behind");
        }
    }

    @Test
    void refusesADirectoryThatIsNotAReport() throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "precious");
        ReportException e = assertThrows(ReportException.class, () -> ReportDirectory.write(out, files("x")));
        assertTrue(e.getMessage().contains("not a chipflow report"), e.getMessage());
        assertTrue(Files.exists(out.resolve("thesis.tex")));
        assertFalse(Files.exists(out.resolve("a.csv")));
    }

    @Test
    void writesNothingWhenTheParentIsAFile() throws IOException {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThrows(ReportException.class, () -> ReportDirectory.write(file.resolve("report"), files("x")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.allMatch(p -> p.equals(file)));
        }
    }

    @Test
    void checkRefusesAPathInsideAFileAndSaysWhy() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        for (Path out : new Path[] {file.resolve("report"), file.resolve("a").resolve("b")}) {
            ReportException e = assertThrows(ReportException.class, () -> ReportDirectory.check(out));
            assertTrue(e.getMessage().startsWith("--out '" + out + "' cannot be written: '" + file
                    + "' is a file, not a directory;"), e.getMessage());
        }
        ReportDirectory.check(tmp.resolve("new").resolve("deeper").resolve("report"));
    }

    @Test
    void aFailedWriteRemovesTheDirectoriesItMade() throws IOException {
        Path out = tmp.resolve("made").resolve("for").resolve("report");
        Map<String, byte[]> bad = files("x");
        bad.put("no-such-dir/b.csv", new byte[0]); // fails after the parents and the temporary directory are made
        ReportException e = assertThrows(ReportException.class, () -> ReportDirectory.write(out, bad));
        assertFalse(e.getMessage().contains(".tmp-"), "names no temporary directory: " + e.getMessage());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "no directory left behind");
        }
    }
}
