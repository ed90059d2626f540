package dev.chipflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java code block of the project's markdown (README.md, each module's README.md, docs) is an example source of
 * this module, quoted whole: the line before the block is {@code <!-- example: PATH -->} and the block equals the file at
 * PATH, character for character. Since this module's build compiles and runs those files, the README's examples
 * compile and run as written. {@code -Dchipflow.updateReadme=true} copies the files into the blocks instead of
 * failing.
 */
class ReadmeExamplesTest {

    static final Path ROOT = Path.of(System.getProperty("chipflow.root", "..")).toAbsolutePath().normalize();
    private static final Path EXAMPLES = ROOT.resolve("examples/src/main/java/dev/chipflow/examples");
    private static final Pattern MARKER = Pattern.compile("<!-- example: (\\S+) -->");

    @Test
    void everyJavaBlockIsAnExampleSourceWordForWord() throws IOException {
        boolean update = Boolean.getBoolean("chipflow.updateReadme");
        List<String> problems = new ArrayList<>();
        Set<String> quoted = new TreeSet<>();
        for (Path doc : markdown()) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                out.add(line);
                if (!line.trim().startsWith("```java")) {
                    continue;
                }
                String where = ROOT.relativize(doc) + ":" + (i + 1);
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).trim().equals("```")) {
                    end++;
                }
                String block = String.join("\n", lines.subList(i + 1, end)) + "\n";
                Matcher m = i > 0 ? MARKER.matcher(lines.get(i - 1).trim()) : null;
                if (m == null || !m.matches()) {
                    problems.add(where + ": a java block without an '<!-- example: PATH -->' line before it");
                    out.addAll(lines.subList(i + 1, end));
                } else {
                    Path source = ROOT.resolve(m.group(1)).normalize();
                    quoted.add(ROOT.relativize(source).toString());
                    String file = Files.exists(source) ? Files.readString(source, StandardCharsets.UTF_8) : null;
                    if (file == null) {
                        problems.add(where + ": " + m.group(1) + " does not exist");
                        out.addAll(lines.subList(i + 1, end));
                    } else if (!file.equals(block)) {
                        if (update) {
                            out.addAll(List.of(file.split("\n", -1)).subList(0, file.split("\n", -1).length - 1));
                            changed = true;
                        } else {
                            problems.add(where + ": differs from " + m.group(1) + " at line "
                                    + (firstDifference(file, block) + 1) + " of the block");
                            out.addAll(lines.subList(i + 1, end));
                        }
                    } else {
                        out.addAll(lines.subList(i + 1, end));
                    }
                }
                i = end - 1;
            }
            if (changed) {
                Files.writeString(doc, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n(mvn -B verify -Dchipflow.updateReadme=true copies the example "
                    + "files into the blocks)");
        }
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertTrue(quoted.contains(ROOT.relativize(f).toString()), f + " is quoted nowhere in the markdown");
            }
        }
        assertEquals(7, quoted.size(), "examples quoted: " + quoted);
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < Math.min(x.length, y.length) && x[i].equals(y[i])) {
            i++;
        }
        return i;
    }

    /** README.md, each module's README.md and docs/*.md. */
    static List<Path> markdown() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> top = Files.list(ROOT)) {
            for (Path d : top.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(d.resolve("README.md"))) {
                    docs.add(d.resolve("README.md"));
                }
            }
        }
        try (Stream<Path> doc = Files.list(ROOT.resolve("docs"))) {
            docs.addAll(doc.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        return docs;
    }
}
