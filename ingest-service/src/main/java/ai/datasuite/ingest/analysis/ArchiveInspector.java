package ai.datasuite.ingest.analysis;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.mime.MediaType;
import org.jboss.logging.Logger;

/**
 * Lists a ZIP archive and extracts the text of its entries, recursing into nested zips.
 * Everything is streamed, and the limits are checked against the bytes actually inflated
 * while they are inflated, so a zip bomb is stopped after about a megabyte of output
 * whatever its headers claim.
 */
final class ArchiveInspector {

    /** Compression ratios are only judged past this much output: tiny entries compress wildly. */
    static final long RATIO_CHECK_AFTER_BYTES = 1L << 20;
    /** Entries listed in the details at most; the counts still cover all of them. */
    static final int MAX_LISTED_ENTRIES = 1000;
    private static final int SNIFF_BYTES = 8192;
    private static final int MAX_LISTED_NAME = 1000;
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int EOCD_SIZE = 22;

    private static final Logger LOG = Logger.getLogger(ArchiveInspector.class);

    private final AnalysisLimits limits;
    private final MediaTypeResolver resolver;
    private final SupportedTypes supported;
    private final TextExtractor extractor;

    ArchiveInspector(AnalysisLimits limits, MediaTypeResolver resolver, SupportedTypes supported,
                     TextExtractor extractor) {
        this.limits = limits;
        this.resolver = resolver;
        this.supported = supported;
        this.extractor = extractor;
    }

    Map<String, Object> inspect(Path zip, TextSink sink, List<String> notes) throws AnalysisException {
        Walk walk = new Walk(sink, notes);
        walk.archive(zip, "", 0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entry_count", walk.entries);
        details.put("file_count", walk.files);
        details.put("total_uncompressed_bytes", walk.totalInflated);
        details.put("nested_archive_count", walk.nestedArchives);
        details.put("entries", walk.listing);
        if (walk.files > walk.listing.size()) {
            details.put("entries_listed", walk.listing.size());
            notes.add("Only the first " + walk.listing.size() + " of " + walk.files + " archive entries are listed.");
        }
        return details;
    }

    /**
     * Total entries from the End Of Central Directory record at the end of the file, or -1 when
     * there is none or it defers to ZIP64. Reads at most the last 64 KiB.
     */
    static long declaredEntryCount(Path zip) {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, EOCD_SIZE + 0xFFFF);
            if (tail < EOCD_SIZE) {
                return -1;
            }
            ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(buffer, size - tail);
            for (int at = tail - EOCD_SIZE; at >= 0; at--) {
                if (buffer.getInt(at) == EOCD_SIGNATURE) {
                    int total = Short.toUnsignedInt(buffer.getShort(at + 10));
                    return total == 0xFFFF ? -1 : total;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
    }

    private static AnalysisException limit(String message) {
        return new AnalysisException(AnalysisException.Kind.ARCHIVE_LIMIT, message);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Carries a limit violation out of InputStream.read, which may only throw IOException. */
    private static final class LimitExceeded extends IOException {
        final AnalysisException error;

        LimitExceeded(AnalysisException error) {
            super(error.getMessage());
            this.error = error;
        }
    }

    /** Exposes how many compressed bytes the inflater consumed for the current entry. */
    private static final class MeteredZipInputStream extends ZipInputStream {
        MeteredZipInputStream(InputStream in) {
            super(in);
        }

        long compressedBytesRead() {
            return inf.getBytesRead(); // reset by getNextEntry, so this is per entry
        }
    }

    /** Byte totals of one archive level, for its overall compression ratio. */
    private static final class Level {
        final String name;
        long inflated;
        long compressed;

        Level(String name) {
            this.name = name;
        }
    }

    /** State of one inspection: counts shared by all nesting levels. */
    private final class Walk {
        private final TextSink sink;
        private final List<String> notes;
        private final List<Map<String, Object>> listing = new ArrayList<>();
        int entries;
        int files;
        int nestedArchives;
        long totalInflated;

        Walk(TextSink sink, List<String> notes) {
            this.sink = sink;
            this.notes = notes;
        }

        void archive(Path zip, String prefix, int depth) throws AnalysisException {
            String levelName = prefix.isEmpty() ? "whole archive" : "archive " + prefix.substring(0, prefix.length() - 1);
            Level level = new Level(levelName);
            // Cheap early refusal from the central directory's own count; the streamed count below
            // is what really enforces the limit, as the directory can lie or be missing.
            long declared = declaredEntryCount(zip);
            if (declared >= 0 && entries + declared > limits.maxEntries()) {
                throw limit("archive exceeds max entries " + limits.maxEntries() + " ("
                        + (prefix.isEmpty() ? "its" : prefix.substring(0, prefix.length() - 1) + "'s")
                        + " directory lists " + declared + ")");
            }
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(zip), 1 << 16);
                 MeteredZipInputStream zis = new MeteredZipInputStream(raw)) {
                ZipEntry entry;
                while ((entry = zis.getNextEntry()) != null) {
                    entries++;
                    if (entries > limits.maxEntries()) {
                        throw limit("archive exceeds max entries " + limits.maxEntries()
                                + " (stopped at " + prefix + entry.getName() + ")");
                    }
                    if (entry.isDirectory()) {
                        continue;
                    }
                    files++;
                    String path = prefix + entry.getName();
                    Map<String, Object> row = listed(path); // before nested entries, which list themselves
                    EntryStream in = new EntryStream(zis, entry, path, level);
                    MediaType type = entry(in, path, depth);
                    in.drain(); // every byte is inflated through the meter, also those nobody reads
                    level.inflated += in.inflated;
                    level.compressed += in.compressed;
                    row.put("size", in.inflated);
                    row.put("compressed_size", in.compressed);
                    row.put("media_type", type.toString());
                }
            } catch (LimitExceeded e) {
                throw e.error;
            } catch (IOException e) {
                if (depth == 0) {
                    LOG.infof("a ZIP archive could not be read: %s", e);
                    throw new AnalysisException(AnalysisException.Kind.MALFORMED,
                            "the ZIP archive could not be read; check that it is not damaged, truncated or encrypted",
                            e);
                }
                // The reader's message (class names, temporary paths) goes to the log, not to the uploader.
                LOG.infof("a nested archive could not be read completely: %s", e);
                notes.add("Nested archive " + prefix.substring(0, prefix.length() - 1)
                        + " could not be read completely (damaged, truncated or encrypted?).");
            }
        }

        /**
         * Looks at one entry; returns its media type. Plain text is copied straight from the
         * stream; only zips and documents that need a file (docx, pdf...) are spooled to disk.
         */
        private MediaType entry(EntryStream in, String path, int depth) throws IOException, AnalysisException {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            if (head.length == 0) {
                return MediaType.OCTET_STREAM; // empty entry: nothing to look at
            }
            String name = MediaTypeResolver.baseName(path);
            MediaType sniffed = resolver.resolveHead(head, name);
            SupportedTypes.Handling handling = supported.forArchiveEntry(sniffed);
            boolean archiveLike = resolver.isZipLike(sniffed);
            if (!archiveLike && handling == SupportedTypes.Handling.PLAIN_TEXT) {
                if (!sink.isFull()) {
                    sink.header("=== " + path + " ===");
                    extractor.copyPlainText(new SequenceInputStream(new ByteArrayInputStream(head), in), sink);
                    sink.append(new char[] {'\n'}, 0, 1);
                }
                return sniffed;
            }
            if (!archiveLike && (handling == null || sink.isFull())) {
                return sniffed;
            }
            Path spooled = Files.createTempFile("ingest-entry-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(spooled)) {
                    out.write(head);
                    in.transferTo(out);
                }
                MediaType type = resolver.resolve(spooled, name).mediaType();
                handling = supported.forArchiveEntry(type);
                if (handling == SupportedTypes.Handling.ARCHIVE) {
                    nested(spooled, path, depth + 1);
                } else if (handling != null && handling != SupportedTypes.Handling.IMAGE && !sink.isFull()) {
                    text(spooled, path, type, handling);
                }
                return type;
            } finally {
                Files.deleteIfExists(spooled);
            }
        }

        private void nested(Path zip, String path, int depth) throws AnalysisException {
            if (depth > limits.maxNestingDepth()) {
                throw limit("archive exceeds max nesting depth " + limits.maxNestingDepth()
                        + " (" + path + " is nested " + depth + " levels deep)");
            }
            nestedArchives++;
            archive(zip, path + "/", depth);
        }

        private void text(Path file, String path, MediaType type, SupportedTypes.Handling handling) {
            sink.header("=== " + path + " ===");
            if (handling == SupportedTypes.Handling.PLAIN_TEXT) {
                extractor.copyPlainText(file, sink);
            } else {
                try {
                    extractor.parse(file, type.toString(), sink);
                } catch (AnalysisException e) {
                    notes.add("No text from archive entry " + path + ": " + e.getMessage());
                }
            }
            sink.append(new char[] {'\n'}, 0, 1);
        }

        /** A listing row to fill in once the entry is read; past the cap a row that is thrown away. */
        private Map<String, Object> listed(String path) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", path.length() > MAX_LISTED_NAME ? path.substring(0, MAX_LISTED_NAME) + "…" : path);
            if (listing.size() < MAX_LISTED_ENTRIES) {
                listing.add(row);
            }
            return row;
        }

        /** One entry's bytes, counted and checked against the limits as they are inflated. */
        private final class EntryStream extends InputStream {
            private final MeteredZipInputStream zis;
            private final boolean stored;
            private final String path;
            private final Level level;
            long inflated;
            long compressed;

            EntryStream(MeteredZipInputStream zis, ZipEntry entry, String path, Level level) {
                this.zis = zis;
                this.stored = entry.getMethod() == ZipEntry.STORED;
                this.path = path;
                this.level = level;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = zis.read(b, off, len);
                if (n > 0) {
                    account(n);
                }
                return n;
            }

            void drain() throws IOException {
                byte[] buffer = new byte[1 << 16];
                while (read(buffer, 0, buffer.length) >= 0) {
                    // counting happens in read
                }
            }

            private void account(int n) throws LimitExceeded {
                inflated += n;
                totalInflated += n;
                // The inflater's counter is reset when the entry ends, so keep the highest value seen.
                compressed = stored ? inflated : Math.max(compressed, zis.compressedBytesRead());
                if (totalInflated > limits.maxTotalUncompressedBytes()) {
                    throw new LimitExceeded(limit("archive exceeds max total uncompressed size "
                            + limits.maxTotalUncompressedBytes() + " bytes (reached in entry " + path + ")"));
                }
                double max = limits.maxCompressionRatio();
                if (inflated > RATIO_CHECK_AFTER_BYTES && inflated > max * Math.max(compressed, 1)) {
                    throw new LimitExceeded(limit("archive exceeds max compression ratio " + number(max)
                            + " (entry " + path + " inflated " + inflated / Math.max(compressed, 1) + "x)"));
                }
                long levelInflated = level.inflated + inflated;
                long levelCompressed = Math.max(level.compressed + compressed, 1);
                if (levelInflated > RATIO_CHECK_AFTER_BYTES && levelInflated > max * levelCompressed) {
                    throw new LimitExceeded(limit("archive exceeds max compression ratio " + number(max)
                            + " (" + level.name + " inflated " + levelInflated / levelCompressed + "x)"));
                }
            }

            @Override
            public void close() {
                // The zip stream belongs to the walk.
            }
        }
    }
}
