package ai.datasuite.gateway.evaluation.score;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** The cases {@code gaia-scorer/make_cases.py} wrote with the official Python scorer. */
final class GaiaCases {

    record ScorerCase(String answer, String truth, boolean correct, String kind, String normalizedAnswer,
                      String normalizedTruth) {
    }

    record FloatCase(String input, String repr) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private GaiaCases() {
    }

    static List<ScorerCase> scorer() {
        return read("/gaia-scorer/scorer-cases.json", new TypeReference<>() { });
    }

    static List<FloatCase> floats() {
        return read("/gaia-scorer/float-cases.json", new TypeReference<>() { });
    }

    private static <T> List<T> read(String resource, TypeReference<List<T>> type) {
        try (InputStream in = GaiaCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: run make_cases.py");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case as Java source would write it, so that a failure shows invisible characters. */
    static String show(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                shown.appendCodePoint(cp);
            } else {
                shown.append(String.format("\\u{%X}", cp));
            }
        });
        return shown.append('"').toString();
    }
}
