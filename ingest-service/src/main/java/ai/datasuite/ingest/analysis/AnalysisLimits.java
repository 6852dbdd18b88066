package ai.datasuite.ingest.analysis;

/**
 * Limits applied while analysing one upload.
 *
 * @param maxTextChars              characters of extracted text written at most; the rest is dropped and
 *                                  the analysis is marked truncated
 * @param maxEntries                archive entries (directories included, nested archives counted together)
 * @param maxTotalUncompressedBytes bytes actually inflated from an archive, all nesting levels together
 * @param maxCompressionRatio       inflated/compressed bytes, per entry and per archive, checked once more
 *                                  than {@link ArchiveInspector#RATIO_CHECK_AFTER_BYTES} have been inflated
 * @param maxNestingDepth           archives inside archives: the uploaded zip is depth 0, a zip inside it 1
 * @param maxFactChars              characters kept of one stored string fact (EXIF field, ID3 tag, file name in the
 *                                  fact line of an image or audio file)
 */
public record AnalysisLimits(
        long maxTextChars,
        int maxEntries,
        long maxTotalUncompressedBytes,
        double maxCompressionRatio,
        int maxNestingDepth,
        int maxFactChars) {

    /** Default fact length: enough for a camera model or a song title, too short to smuggle a document in. */
    public static final int DEFAULT_MAX_FACT_CHARS = 200;

    public AnalysisLimits {
        if (maxTextChars < 0 || maxEntries < 0 || maxTotalUncompressedBytes < 0
                || maxCompressionRatio <= 0 || maxNestingDepth < 0 || maxFactChars < 1) {
            throw new IllegalArgumentException("analysis limits must be positive: " + maxTextChars + ", "
                    + maxEntries + ", " + maxTotalUncompressedBytes + ", " + maxCompressionRatio + ", "
                    + maxNestingDepth + ", " + maxFactChars);
        }
    }

    public AnalysisLimits(long maxTextChars, int maxEntries, long maxTotalUncompressedBytes,
                          double maxCompressionRatio, int maxNestingDepth) {
        this(maxTextChars, maxEntries, maxTotalUncompressedBytes, maxCompressionRatio, maxNestingDepth,
                DEFAULT_MAX_FACT_CHARS);
    }

    /** The same defaults as IngestConfig: 20 M chars of text, 10,000 entries, 1 GiB inflated, ratio 100, 3 levels, 200-char facts. */
    public static AnalysisLimits defaults() {
        return new AnalysisLimits(20_000_000L, 10_000, 1L << 30, 100.0, 3, DEFAULT_MAX_FACT_CHARS);
    }
}
