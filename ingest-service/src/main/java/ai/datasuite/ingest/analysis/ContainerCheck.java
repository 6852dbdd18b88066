package ai.datasuite.ingest.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jboss.logging.Logger;

/**
 * Holds a zip-based document (docx, xlsx, pptx, odt...) to the archive limits before Tika opens it: parts, inflated
 * bytes in total and per part, and compression ratio, counted while inflating. Tika and POI keep some parts whole in
 * memory (an XLSX's shared strings take about twice their inflated size on the heap), and a top-level document is not
 * an archive to the {@link ArchiveInspector}, so without this a document under the ratio limit could fill the heap.
 */
final class ContainerCheck {

    private static final Logger LOG = Logger.getLogger(ContainerCheck.class);
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    /** A central directory larger than this is not an office document's: Java's ZipFile would hold it whole. */
    private static final long MAX_DIRECTORY_BYTES = 16L << 20;

    private ContainerCheck() {
    }

    /**
     * Does nothing for a file that is not a zip; a zip that cannot be read is left for Tika to report.
     *
     * @throws AnalysisException {@link AnalysisException.Kind#ARCHIVE_LIMIT} naming the limit's key
     */
    static void check(Path file, String displayType, AnalysisLimits limits) throws AnalysisException {
        long fileSize;
        long[] directory;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            fileSize = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(head, 0);
            if (head.position() < 4 || head.getInt(0) != LOCAL_HEADER) {
                return;
            }
            directory = directory(channel, fileSize);
        } catch (IOException e) {
            return;
        }
        String what = "the " + displayType + " file";
        if (directory == null) {
            return; // no end record: not a zip Tika can open either
        }
        if (directory[0] < 0 || directory[0] > limits.maxEntries() || directory[1] > MAX_DIRECTORY_BYTES) {
            throw limit(what + " has more parts than allowed (ingest.archive.max-entries is " + limits.maxEntries()
                    + ")");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            int parts = 0;
            byte[] buffer = new byte[1 << 16];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (++parts > limits.maxEntries()) {
                    throw limit(what + " has more parts than allowed (ingest.archive.max-entries is "
                            + limits.maxEntries() + ")");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                long compressed = entry.getCompressedSize() < 0 ? fileSize : Math.min(entry.getCompressedSize(),
                        fileSize);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        check(what, entry.getName(), inflated, compressed, total, limits);
                    }
                }
            }
        } catch (AnalysisException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Damaged: Tika's own parse will say so in the user's terms.
            LOG.debugf("container check of an upload skipped: %s", e.toString());
        }
    }

    private static void check(String what, String part, long inflated, long compressed, long total,
                              AnalysisLimits limits) throws AnalysisException {
        String name = part.length() > 200 ? part.substring(0, 200) + "…" : part;
        if (inflated > limits.parsing().maxPartBytes()) {
            throw limit(what + "'s part " + name + " inflates to more than " + limits.parsing().maxPartBytes()
                    + " bytes (ingest.tika.max-part-size)");
        }
        if (total > limits.maxTotalUncompressedBytes()) {
            throw limit(what + " inflates to more than " + limits.maxTotalUncompressedBytes()
                    + " bytes (ingest.archive.max-total-uncompressed)");
        }
        double ratio = limits.maxCompressionRatio();
        if (inflated > ArchiveInspector.RATIO_CHECK_AFTER_BYTES && inflated > ratio * Math.max(compressed, 1)) {
            throw limit(what + "'s part " + name + " inflates more than " + (long) ratio
                    + " times its compressed size (ingest.archive.max-compression-ratio)");
        }
    }

    /** {entries, directory bytes} from the end record; {-1, ..} for ZIP64; null when there is no end record. */
    private static long[] directory(FileChannel channel, long size) throws IOException {
        int tail = (int) Math.min(size, EOCD_SIZE + 0xFFFF);
        if (tail < EOCD_SIZE) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(buffer, size - tail);
        for (int at = tail - EOCD_SIZE; at >= 0; at--) {
            if (buffer.getInt(at) == EOCD_SIGNATURE) {
                int entries = Short.toUnsignedInt(buffer.getShort(at + 10));
                long bytes = Integer.toUnsignedLong(buffer.getInt(at + 12));
                return new long[] {entries == 0xFFFF || bytes == 0xFFFFFFFFL ? -1 : entries, bytes};
            }
        }
        return null;
    }

    private static AnalysisException limit(String message) {
        return new AnalysisException(AnalysisException.Kind.ARCHIVE_LIMIT, message);
    }
}
