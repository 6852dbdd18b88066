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

    Storage storage();

    Text text();

    Archive archive();

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

    interface Reconciler {
        /** Run the orphan reconciler on a schedule. */
        @WithDefault("true")
        boolean enabled();

        /** How often it runs. */
        @WithDefault("10m")
        String every();

        /** Only objects older than this are candidates, so uploads in flight are never touched. */
        @WithDefault("1h")
        Duration minAge();
    }
}
