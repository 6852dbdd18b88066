package ai.datasuite.gateway.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import ai.datasuite.gateway.config.SnapshotConfig;
import ai.datasuite.problem.ProblemException;

/**
 * What a spooled snapshot zip holds, read from its central directory only (nothing is inflated): its
 * {@code metadata.jsonl} files and its other files, checked against {@link SnapshotConfig}'s limits before any work.
 * Entry names are the zip's paths with {@code /}; folders and macOS's resource-fork litter are left out.
 */
public record SnapshotArchive(List<String> metadataFiles, List<String> files) {

    static final String METADATA = "metadata.jsonl";

    /** The checks of the route: a zip, not too many entries, not too large unpacked, with a metadata.jsonl. */
    static SnapshotArchive inspect(Path zip, SnapshotConfig config) {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            if (archive.size() > config.maxEntries()) {
                throw new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                        "The zip holds " + archive.size() + " entries; at most " + config.maxEntries()
                                + " are accepted (gateway.snapshots.max-entries). Split the snapshot into several"
                                + " zips.", Map.of("max_entries", config.maxEntries()));
            }
            long maxUncompressed = config.maxUncompressed().asLongValue();
            long metadataMax = config.maxMetadataSize().asLongValue();
            long total = 0;
            List<String> metadata = new ArrayList<>();
            List<String> files = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = nameOf(entry);
                if (entry.isDirectory() || litter(name)) {
                    continue;
                }
                if (entry.getSize() < 0) {
                    throw ProblemException.validation("The zip does not say how large '" + name + "' is unpacked;"
                            + " zip the folder again with a common tool (zip, 7-Zip, the system's compress).");
                }
                total += entry.getSize();
                if (total > maxUncompressed) {
                    throw new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                            "Unpacked, the zip holds more than " + maxUncompressed + " bytes"
                                    + " (gateway.snapshots.max-uncompressed). Split the snapshot into several zips.",
                            Map.of("max_uncompressed_bytes", maxUncompressed));
                }
                if (baseName(name).toLowerCase(Locale.ROOT).equals(METADATA)) {
                    if (entry.getSize() > metadataMax) {
                        throw new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                                "'" + name + "' has " + entry.getSize() + " bytes; a metadata.jsonl may have at most "
                                        + metadataMax + " (gateway.snapshots.max-metadata-size).",
                                Map.of("max_metadata_bytes", metadataMax));
                    }
                    metadata.add(name);
                } else {
                    files.add(name);
                }
            }
            if (metadata.isEmpty()) {
                throw ProblemException.validation("The zip holds no metadata.jsonl. Zip the GAIA snapshot folder as"
                        + " downloaded (e.g. 2023/validation/metadata.jsonl with the attached files beside it).");
            }
            metadata.sort(null);
            files.sort(null);
            return new SnapshotArchive(List.copyOf(metadata), List.copyOf(files));
        } catch (ZipException notZip) {
            throw ProblemException.unsupportedMediaType("The body is not a readable zip archive. Send a GAIA snapshot"
                    + " folder zipped (Content-Type: application/zip), or JSONL or CSV rows with their own type.");
        } catch (IOException e) {
            throw new IllegalStateException("the spooled zip cannot be read", e);
        }
    }

    /** The entry's path with {@code /} (some tools write {@code \}). */
    static String nameOf(ZipEntry entry) {
        return entry.getName().replace('\\', '/');
    }

    static String baseName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The folder of an entry, {@code ""} at the top. */
    static String folderOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** macOS adds __MACOSX/ and ._name resource forks and .DS_Store when zipping: not the snapshot's files. */
    private static boolean litter(String name) {
        String base = baseName(name);
        return name.startsWith("__MACOSX/") || base.startsWith("._") || base.equals(".DS_Store");
    }

    /**
     * Copies an entry's bytes, never more than its central directory declared (a forged header cannot unpack more
     * than the checked total).
     */
    static void copy(ZipFile archive, String name, OutputStream out) throws IOException {
        ZipEntry entry = archive.getEntry(name);
        if (entry == null) {
            entry = archive.getEntry(name.replace('/', '\\'));
        }
        if (entry == null) {
            throw new IOException("no entry " + name);
        }
        long declared = entry.getSize();
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = archive.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > declared) {
                    throw new IOException("'" + name + "' unpacks to more bytes than the zip declares");
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
