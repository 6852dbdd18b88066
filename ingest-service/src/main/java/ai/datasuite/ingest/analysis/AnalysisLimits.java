package ai.datasuite.ingest.analysis;

import java.time.Duration;

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
 * @param details                   what a file's {@code details} may hold
 * @param parsing                   how much Tika may take: parts, time, parses at once
 */
public record AnalysisLimits(
        long maxTextChars,
        int maxEntries,
        long maxTotalUncompressedBytes,
        double maxCompressionRatio,
        int maxNestingDepth,
        int maxFactChars,
        Details details,
        Parsing parsing) {

    /** Default fact length: enough for a camera model or a song title, too short to smuggle a document in. */
    public static final int DEFAULT_MAX_FACT_CHARS = 200;

    /**
     * Bounds on every value an analyzer stores in {@code details} (checked once, centrally, in {@link DetailsBound}).
     *
     * @param maxValueChars  characters of one string (a title, an entry name, a note)
     * @param maxItems       items of one list or map (archive entries, chains, notes)
     * @param maxTotalChars  all details together, counted roughly as JSON characters
     * @param maxPdbResidues distinct residues a PDB summary tracks; past it the count is a lower bound
     */
    public record Details(int maxValueChars, int maxItems, int maxTotalChars, int maxPdbResidues) {

        public Details {
            if (maxValueChars < 1 || maxItems < 1 || maxTotalChars < 1 || maxPdbResidues < 1) {
                throw new IllegalArgumentException("details limits must be positive");
            }
        }

        public static Details defaults() {
            return new Details(1000, 1000, 131_072, 200_000);
        }
    }

    /**
     * Bounds on in-process Tika parsing.
     *
     * @param maxConcurrent parses running at once (a timed-out parse keeps its slot until it really ends)
     * @param maxWait       longest an upload waits for a slot before it is refused with 503
     * @param timeout       longest all Tika parsing of one upload may take; the text found so far is kept
     * @param maxPartBytes  largest inflated part of a zip-based document (docx, xlsx, pptx...) Tika is given
     */
    public record Parsing(int maxConcurrent, Duration maxWait, Duration timeout, long maxPartBytes) {

        public Parsing {
            if (maxConcurrent < 1 || maxWait.isNegative() || timeout.isNegative() || timeout.isZero()
                    || maxPartBytes < 1) {
                throw new IllegalArgumentException("parsing limits must be positive");
            }
        }

        public static Parsing defaults() {
            return new Parsing(2, Duration.ofSeconds(10), Duration.ofSeconds(60), 100L << 20);
        }
    }

    public AnalysisLimits {
        if (maxTextChars < 0 || maxEntries < 0 || maxTotalUncompressedBytes < 0
                || maxCompressionRatio <= 0 || maxNestingDepth < 0 || maxFactChars < 1
                || details == null || parsing == null) {
            throw new IllegalArgumentException("analysis limits must be positive: " + maxTextChars + ", "
                    + maxEntries + ", " + maxTotalUncompressedBytes + ", " + maxCompressionRatio + ", "
                    + maxNestingDepth + ", " + maxFactChars);
        }
    }

    public AnalysisLimits(long maxTextChars, int maxEntries, long maxTotalUncompressedBytes,
                          double maxCompressionRatio, int maxNestingDepth, int maxFactChars) {
        this(maxTextChars, maxEntries, maxTotalUncompressedBytes, maxCompressionRatio, maxNestingDepth, maxFactChars,
                Details.defaults(), Parsing.defaults());
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

    /** These limits with other details bounds. */
    public AnalysisLimits with(Details other) {
        return new AnalysisLimits(maxTextChars, maxEntries, maxTotalUncompressedBytes, maxCompressionRatio,
                maxNestingDepth, maxFactChars, other, parsing);
    }

    /** These limits with other parsing bounds. */
    public AnalysisLimits with(Parsing other) {
        return new AnalysisLimits(maxTextChars, maxEntries, maxTotalUncompressedBytes, maxCompressionRatio,
                maxNestingDepth, maxFactChars, details, other);
    }
}
