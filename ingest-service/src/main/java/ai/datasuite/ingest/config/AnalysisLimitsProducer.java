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
        IngestConfig.Details details = config.details();
        IngestConfig.Tika tika = config.tika();
        return new AnalysisLimits(config.text().maxChars(), archive.maxEntries(),
                archive.maxTotalUncompressed().asLongValue(), archive.maxCompressionRatio(), archive.maxNestingDepth(),
                config.text().maxFactChars(),
                new AnalysisLimits.Details(details.maxValueChars(), details.maxItems(), details.maxTotalChars(),
                        details.maxPdbResidues()),
                new AnalysisLimits.Parsing(tika.maxConcurrentParses(), tika.maxWait(), tika.parseTimeout(),
                        tika.maxPartSize().asLongValue()));
    }
}
