package ai.datasuite.ingest.service;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

// PLACEHOLDER until the real analyzer lands
@ApplicationScoped
public class ContentAnalyzer {

    private final AnalysisLimits limits;

    public ContentAnalyzer(AnalysisLimits limits) {
        this.limits = limits;
    }

    public Analysis analyze(Path file, String originalName, Writer textOut) throws AnalysisException {
        try {
            String s = Files.readString(file);
            textOut.write(s);
            return new Analysis("text/plain", "text/plain", false, "txt", s.length(), false, true, Map.of(), List.of());
        } catch (IOException e) {
            throw new AnalysisException(AnalysisException.Kind.UNSUPPORTED_TYPE, "not text");
        }
    }
}
