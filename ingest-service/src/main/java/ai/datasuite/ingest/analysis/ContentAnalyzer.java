package ai.datasuite.ingest.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;

/**
 * Works out what an uploaded file really is and streams its text out.
 * Thread-safe: all per-file state lives in the call.
 */
@ApplicationScoped
public class ContentAnalyzer {

    private final AnalysisLimits limits;
    private final SupportedTypes supported;
    private final MediaTypeResolver resolver;
    private final TextExtractor extractor;
    private final ArchiveInspector archives;

    public ContentAnalyzer(AnalysisLimits limits) {
        this.limits = limits;
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.supported = new SupportedTypes(tika.getMediaTypeRegistry());
        this.resolver = new MediaTypeResolver(tika.getDetector(), tika.getMimeRepository(), supported);
        this.extractor = new TextExtractor(new AutoDetectParser(tika), tika.getEncodingDetector(), limits);
        this.archives = new ArchiveInspector(limits, resolver, supported, extractor);
    }

    /**
     * Analyses a file already on disk. Text goes to {@code textOut} (flushed, not closed); on an
     * exception part of it may have been written already and should be discarded.
     *
     * @param file         the stored upload
     * @param originalName the name the uploader gave it; only used to refine text types and to spot mismatches
     * @param textOut      where extracted text goes, at most {@link AnalysisLimits#maxTextChars()} characters
     */
    public Analysis analyze(Path file, String originalName, Writer textOut) throws AnalysisException {
        return analyze(file, detect(file, originalName), textOut);
    }

    /** Same, for a file whose type {@link #detect} already gave. */
    public Analysis analyze(Path file, Detection detection, Writer textOut) throws AnalysisException {
        MediaTypeResolver.Resolution type = detection.resolution();
        String originalName = detection.originalName();
        SupportedTypes.Handling handling = supported.forUpload(type.mediaType());

        List<String> notes = new ArrayList<>();
        if (type.mismatch()) {
            notes.add("The name " + MediaTypeResolver.baseName(originalName) + " suggests " + type.nameMediaType()
                    + " but the content is " + type.mediaType() + "; the file is handled as " + type.mediaType() + ".");
        }
        TextSink sink = new TextSink(textOut, limits.maxTextChars(), limits.parsing().timeout());
        Map<String, Object> details = switch (handling) {
            case IMAGE -> image(file, type.mediaType());
            case AUDIO -> audio(file, type.mediaType());
            case PLAIN_TEXT -> plainText(file, type.mediaType(), sink);
            case DOCUMENT -> DocumentFacts.of(type.mediaType(),
                    extractor.parse(file, describe(type.mediaType()), sink));
            case ARCHIVE -> archives.inspect(file, sink, notes);
            case DATA -> Map.<String, Object>of("format", type.mediaType().getSubtype().replace("x-", ""));
        };
        if (handling == SupportedTypes.Handling.IMAGE || handling == SupportedTypes.Handling.AUDIO
                || handling == SupportedTypes.Handling.DATA) {
            // No text of their own: one line of facts and name, so retrieval can find them by either.
            String line = Facts.line(originalName, type.mediaType().toString(), details, limits.maxFactChars()) + "\n";
            sink.append(line.toCharArray(), 0, line.length());
        }
        if (sink.timedOut()) {
            // The file itself is fine: it is stored, with the text found in time (an answer in time beats all text).
            notes.add("Text extraction stopped after " + limits.parsing().timeout().toSeconds()
                    + " s (ingest.tika.parse-timeout); the text is incomplete.");
        } else if (handling == SupportedTypes.Handling.DOCUMENT && !sink.hasText()
                && type.mediaType().equals(SupportedTypes.PDF)) {
            notes.add("The PDF has no text layer (scanned pages?); no OCR is done, so no text was extracted.");
        }
        if (sink.isTruncated() && !sink.timedOut()) {
            notes.add("Text was cut at " + limits.maxTextChars() + " characters.");
        }
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write extracted text", e);
        }
        DetailsBound.Bounded bounded = DetailsBound.apply(details, notes, limits.details());
        return new Analysis(
                type.mediaType().toString(),
                type.nameMediaType() == null ? null : type.nameMediaType().toString(),
                type.mismatch(),
                type.extension(),
                sink.written(),
                sink.isTruncated(),
                sink.hasText(),
                bounded.details(),
                bounded.notes());
    }

    /**
     * Only the media type, from the first bytes (and the container's directory for office files): cheap, so that
     * storing the bytes can start while {@link #analyze} extracts the text.
     */
    public Detection detect(Path file, String originalName) throws AnalysisException {
        return new Detection(resolve(file, originalName), originalName);
    }

    /** What {@link #detect} found; analysing with it does not detect again. */
    public record Detection(MediaTypeResolver.Resolution resolution, String originalName) {

        public String mediaType() {
            return resolution.mediaType().toString();
        }
    }

    /** The gate every Tika parse passes (slots, waiting, time). */
    ParseGate parseGate() {
        return extractor.gate();
    }

    private MediaTypeResolver.Resolution resolve(Path file, String originalName) throws AnalysisException {
        if (size(file) == 0) {
            throw new AnalysisException(AnalysisException.Kind.UNSUPPORTED_TYPE, "file is empty");
        }
        MediaTypeResolver.Resolution type = resolver.resolve(file, originalName);
        if (supported.forUpload(type.mediaType()) == null) {
            throw unsupported(type);
        }
        return type;
    }

    private Map<String, Object> image(Path file, MediaType type) throws AnalysisException {
        Map<String, Object> details = ImageFacts.dimensions(file);
        Metadata metadata = extractor.metadataOnly(file, describe(type));
        ImageFacts.fallbackDimensions(metadata, details);
        Map<String, Object> exif = ImageFacts.exif(metadata, limits.maxFactChars());
        if (!exif.isEmpty()) {
            details.put("exif", exif);
        }
        return details;
    }

    private Map<String, Object> audio(Path file, MediaType type) throws AnalysisException {
        return AudioFacts.of(file, extractor.metadataOnly(file, describe(type)), limits.maxFactChars());
    }

    private Map<String, Object> plainText(Path file, MediaType type, TextSink sink) {
        TextExtractor.CopiedText copied = extractor.copyPlainText(file, sink);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("charset", copied.charset().name());
        if (copied.lines() >= 0) {
            details.put("line_count", copied.lines());
        }
        if (type.equals(SupportedTypes.PDB)) {
            // Second streaming pass: the facts need every ATOM record, even past the text limit.
            details.putAll(PdbRecords.summarize(file, limits.details()));
        }
        return details;
    }

    private static AnalysisException unsupported(MediaTypeResolver.Resolution type) {
        String message;
        if (type.mediaType().equals(MediaType.OCTET_STREAM)) {
            message = "the file's type could not be recognised from its content (it looks like binary data";
            message += type.nameMediaType() == null ? ")" : ", although its name suggests " + type.nameMediaType() + ")";
        } else {
            message = "files of type " + type.mediaType() + " are not supported (detected from the content";
            message += type.mismatch() ? ", although the name suggests " + type.nameMediaType() + ")" : ")";
        }
        return new AnalysisException(AnalysisException.Kind.UNSUPPORTED_TYPE,
                message + "; upload one of: " + SupportedTypes.describeUploads());
    }

    private static String describe(MediaType type) {
        if (type.equals(SupportedTypes.DOCX)) {
            return "Word";
        } else if (type.equals(SupportedTypes.XLSX)) {
            return "Excel";
        } else if (type.equals(SupportedTypes.PPTX)) {
            return "PowerPoint";
        }
        return type.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
