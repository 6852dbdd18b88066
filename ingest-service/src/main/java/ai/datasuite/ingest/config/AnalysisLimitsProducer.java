package ai.datasuite.ingest.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import ai.datasuite.ingest.analysis.AnalysisLimits;

/** Hands the configured limits to the analyzer, which knows nothing of configuration. */
public class AnalysisLimitsProducer {

    @Produces
    @Singleton
    AnalysisLimits limits(IngestConfig config) {
        IngestConfig.Archive archive = config.archive();
        return new AnalysisLimits(config.text().maxChars(), archive.maxEntries(),
                archive.maxTotalUncompressed().asLongValue(), archive.maxCompressionRatio(), archive.maxNestingDepth(),
                config.text().maxFactChars());
    }
}
