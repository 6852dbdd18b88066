package ai.datasuite.ingest.service;

public record AnalysisLimits(long maxTextChars, int maxEntries, long maxTotalUncompressedBytes,
                             double maxCompressionRatio, int maxNestingDepth) {
}
