package ai.datasuite.gateway.config;

import jakarta.validation.constraints.Min;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Importing a zipped GAIA snapshot ({@code POST /api/v1/tasks/import} with {@code application/zip}): what a zip may
 * hold, checked from its central directory before any work, and the bounds of the import jobs.
 */
@ConfigMapping(prefix = "gateway.snapshots")
public interface SnapshotConfig {

    /** The largest zip accepted (413 above it; a declared Content-Length before anything is read, else as it comes). */
    @WithDefault("2G")
    MemorySize maxSize();

    /** Entries (files and folders) a zip may hold. */
    @WithDefault("10000")
    @Min(1)
    int maxEntries();

    /** The zip's entries' uncompressed sizes together: a guard against zip bombs. */
    @WithDefault("8G")
    MemorySize maxUncompressed();

    /** One metadata.jsonl (read whole and sent to metadata-service, whose own limit is metadata.import.max-bytes). */
    @WithDefault("20M")
    MemorySize maxMetadataSize();

    /** Files of one import sent to ingest-service at the same time (all imports share this many threads). */
    @WithDefault("2")
    @Min(1)
    int uploadConcurrency();

    /** Imports running at the same time; more wait their turn (status running, no progress yet). */
    @WithDefault("2")
    @Min(1)
    int threads();

    /** Import reports kept in memory per owner; the oldest finished one is dropped for a new one. */
    @WithDefault("100")
    @Min(1)
    int maxJobs();
}
