package dev.chipflow.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.chipflow.report.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether the files a rerun wrote are the original's, by the SHA-256 hashes its manifest recorded. */
final class FileCheck {

    private FileCheck() {
    }

    /**
     * @param manifest the original manifest
     * @param dir      where the rerun wrote its files
     * @return one line: every file matches, or which do not
     */
    static String against(JsonObject manifest, Path dir) {
        JsonElement files = manifest.get("files");
        if (files == null || !files.isJsonObject()) {
            return "rerun: the manifest records no file hashes; nothing to compare";
        }
        List<String> differ = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, JsonElement> e : files.getAsJsonObject().entrySet()) {
            n++;
            Path f = dir.resolve(e.getKey());
            try {
                if (!Files.isRegularFile(f) || !Manifest.sha256(Files.readAllBytes(f)).equals(
                        e.getValue().getAsString())) {
                    differ.add(e.getKey());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return differ.isEmpty() ? "rerun: all " + n + " files match the original's, byte for byte"
                : "rerun: " + differ.size() + " of " + n + " files differ from the original's: "
                        + String.join(", ", differ);
    }
}
