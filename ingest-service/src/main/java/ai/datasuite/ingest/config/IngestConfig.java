package ai.datasuite.ingest.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything ingest-service can be tuned with; environment variables use the usual mapping
 * ({@code ingest.max-file-size} is {@code INGEST_MAX_FILE_SIZE}).
 */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Largest file accepted; bigger uploads get 413 before their body is read (when they declare a length). */
    @WithDefault("2G")
    MemorySize maxFileSize();

    /** Where uploads are spooled while they arrive (needs room for the largest uploads in flight). */
    @WithDefault("${suite.data-dir}/ingest/uploads")
    String spoolDir();

    /**
     * Uploads larger than this are first looked up by content hash in metadata-service, so that a re-upload is
     * answered without writing its bytes again. Smaller ones skip the look-up: the create's 409 names the existing
     * record (and the few bytes written are removed), which saves a metadata round trip on every new upload.
     */
    @WithDefault("1M")
    MemorySize dedupLookupAbove();

    Storage storage();

    Text text();

    Archive archive();

    Details details();

    Tika tika();

    Reconciler reconciler();

    interface Storage {
        /** Bucket holding every object the suite stores. */
        @WithDefault("ai-data-suite")
        String bucket();

        /** Create the bucket at start-up when it is missing (embedded S3Proxy, fresh MinIO). */
        @WithDefault("true")
        boolean createBucket();

        /** Files above this size go to S3 as a multipart upload. */
        @WithDefault("64M")
        MemorySize multipartThreshold();

        /** Part size of multipart uploads (S3's minimum is 5 MiB). */
        @WithDefault("16M")
        MemorySize partSize();

        /** Parts of one multipart upload sent at the same time. */
        @WithDefault("4")
        int uploadConcurrency();

        /**
         * Threads that write uploads to S3 while the request thread analyses them. They are ingest's own, never
         * the worker pool the request threads come from, so uploads cannot wait on themselves.
         */
        @WithDefault("8")
        int putThreads();

        /** Uploads that may wait for a put thread; beyond this an upload is refused with 503 {@code uploads-busy}. */
        @WithDefault("32")
        int putQueue();

        /**
         * Longest an upload waits for its bytes to reach S3; after it the upload fails with 503
         * {@code storage-timeout} and what was written of it is removed.
         */
        @WithDefault("10m")
        Duration putTimeout();
    }

    interface Text {
        /** Extracted text is cut after this many characters (and marked truncated). */
        @WithDefault("20000000")
        long maxChars();

        /** A stored fact (EXIF field, ID3 tag, the file name in a fact line) is cut after this many characters. */
        @WithDefault("200")
        int maxFactChars();
    }

    interface Archive {
        /** Most entries a zip may hold, nested archives included. */
        @WithDefault("10000")
        int maxEntries();

        /** Most bytes all entries may inflate to, counted while inflating. */
        @WithDefault("1G")
        MemorySize maxTotalUncompressed();

        /** Highest inflated/compressed ratio of an entry or of the whole archive. */
        @WithDefault("100")
        double maxCompressionRatio();

        /** Deepest nesting of archives within archives. */
        @WithDefault("3")
        int maxNestingDepth();
    }

    /** Bounds on what a file's {@code details} may hold, whatever analyzer filled them (the rest is left out). */
    interface Details {
        /** A string in the details (a title, an archive entry's name, a note) is cut after this many characters. */
        @WithDefault("1000")
        int maxValueChars();

        /** A list or map in the details (archive entries, chains, notes) keeps at most this many items. */
        @WithDefault("1000")
        int maxItems();

        /** All of one file's details together, counted as characters of JSON; what does not fit is left out. */
        @WithDefault("131072")
        int maxTotalChars();

        /** Distinct residues a PDB file's {@code residue_count} tracks; past this the count is a lower bound. */
        @WithDefault("200000")
        int maxPdbResidues();
    }

    /** Bounds on in-process text extraction with Apache Tika (office documents, PDF, HTML, RTF, media facts). */
    interface Tika {
        /** Parses running at once; a parse that timed out keeps its slot until it has really ended. */
        @WithDefault("2")
        int maxConcurrentParses();

        /** Longest an upload waits for a parse slot; then it is refused with 503 {@code analysis-busy}. */
        @WithDefault("10s")
        Duration maxWait();

        /** Longest all parsing of one upload may take; the file is stored with the text found so far. */
        @WithDefault("60s")
        Duration parseTimeout();

        /**
         * Largest inflated part of a zip-based document (docx, xlsx, pptx...): Tika holds some parts whole in memory
         * (an XLSX's shared strings take about twice their size), so a larger part is refused with 413.
         */
        @WithDefault("100M")
        MemorySize maxPartSize();
    }

    interface Reconciler {
        /** Run the orphan reconciler on a schedule. */
        @WithDefault("true")
        boolean enabled();

        /** How often it runs. */
        @WithDefault("10m")
        String every();

        /**
         * Only objects (and unfinished multipart uploads) older than this are candidates, so uploads in flight are
         * never touched.
         */
        @WithDefault("1h")
        Duration minAge();

        /** Objects listed, and looked up in metadata-service, per page: what a pass holds at once. */
        @WithDefault("500")
        int pageSize();

        /**
         * Largest share (0..1) of the examined objects one pass may delete. A pass that would delete more deletes
         * nothing and logs a warning: metadata-service answering "nothing referenced" (a fresh or wrong database)
         * must not empty the bucket.
         */
        @WithDefault("0.5")
        double maxDeleteShare();

        /** Lets one pass delete more than {@code max-delete-share}; set it only for a deliberate clean-up. */
        @WithDefault("false")
        boolean allowMassDelete();
    }
}
