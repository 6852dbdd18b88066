package ai.datasuite.ingest.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.ToTextContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;

/** Streams a file's text into a {@link TextSink}: copied for plain text, parsed by Tika otherwise. */
final class TextExtractor {

    /** What a plain-text copy saw. */
    record CopiedText(Charset charset, long lines) {
    }

    /**
     * What a Tika parse left behind: its metadata and how many page/sheet sections it emitted; after a timeout no
     * metadata and sections -1 (the parse may still be running, its own objects are not read).
     */
    record ParsedDocument(Metadata metadata, int sections) {

        boolean complete() {
            return sections >= 0;
        }
    }

    private static final Logger LOG = Logger.getLogger(TextExtractor.class);

    private final Parser parser;
    private final EncodingDetector encodingDetector;
    private final AnalysisLimits limits;
    private final ParseGate gate;

    TextExtractor(Parser parser, EncodingDetector encodingDetector, AnalysisLimits limits) {
        this.parser = parser;
        this.encodingDetector = encodingDetector;
        this.limits = limits;
        this.gate = new ParseGate(limits.parsing());
    }

    ParseGate gate() {
        return gate;
    }

    /** Copies characters as they are, after charset detection; never holds more than a buffer. */
    CopiedText copyPlainText(Path file, TextSink sink) {
        try (InputStream in = Files.newInputStream(file)) {
            return copyPlainText(in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Same from a stream, e.g. an archive entry; the stream is read to the limit, not closed. */
    CopiedText copyPlainText(InputStream stream, TextSink sink) throws IOException {
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        {
            Reader reader = openReader(in);
            Charset charset = reader instanceof AutoDetectReader auto ? auto.getCharset() : StandardCharsets.UTF_8;
            char[] buffer = new char[8192];
            long lines = 0;
            boolean lastWasNewline = true;
            int n;
            while ((n = reader.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                lastWasNewline = buffer[n - 1] == '\n';
                if (!sink.append(buffer, 0, n)) {
                    // Limit reached: the line count stops being exact, so leave it out.
                    return new CopiedText(charset, -1);
                }
            }
            return new CopiedText(charset, lastWasNewline ? lines : lines + 1);
        }
    }

    private Reader openReader(InputStream in) throws IOException {
        in.mark(1 << 16);
        // Most text is UTF-8 (ASCII included): a strict decode of the head settles it far more cheaply than the
        // detectors, whose HTML meta-charset scan dominated the cost of small uploads.
        byte[] head = in.readNBytes(1 << 16);
        in.reset();
        if (isUtf8(head)) {
            if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
                in.skipNBytes(3);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        try {
            // The shared detector: building one per call loads services each time (slow for many entries).
            return new AutoDetectReader(in, new Metadata(), encodingDetector);
        } catch (TikaException e) {
            // No charset stood out (very short or odd input): UTF-8 with replacement is the best guess.
            in.reset();
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }

    /** True when the bytes decode as UTF-8; a sequence cut at the end of the head does not count against it. */
    static boolean isUtf8(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false);
        return !result.isError();
    }

    /**
     * Parses with Tika and writes the body text to the sink, within the sink's parse time. A zip-based document is
     * first held to the archive limits ({@link ContainerCheck}). Failures other than hitting the text limit become
     * {@link AnalysisException.Kind#MALFORMED}; running out of time ends with the text so far and the sink marked
     * {@link TextSink#timedOut()}.
     */
    ParsedDocument parse(Path file, String displayType, TextSink sink) throws AnalysisException {
        ContainerCheck.check(file, displayType, limits);
        Metadata metadata = new Metadata();
        SectionCounter sections = new SectionCounter(new ToTextContentHandler(sink));
        if (!parse(file, new BodyContentHandler(sections), metadata, displayType, sink, sink.remainingNanos())) {
            return new ParsedDocument(new Metadata(), -1);
        }
        return new ParsedDocument(metadata, sections.count);
    }

    /** Parses only for metadata (images, audio): the text events are dropped; after a timeout, no metadata. */
    Metadata metadataOnly(Path file, String displayType) throws AnalysisException {
        Metadata metadata = new Metadata();
        if (!parse(file, new DefaultHandler(), metadata, displayType, null, limits.parsing().timeout().toNanos())) {
            return new Metadata();
        }
        return metadata;
    }

    /** True when the parse ended (well, or at the text limit); false when it ran out of time. */
    private boolean parse(Path file, ContentHandler handler, Metadata metadata, String displayType, TextSink sink,
                          long timeoutNanos) throws AnalysisException {
        if (timeoutNanos <= 0) {
            if (sink != null) {
                sink.timeOut();
            }
            return false;
        }
        ParseGate.Outcome outcome;
        try {
            // No name goes in: the stored file's name means nothing, and the content picks the parser.
            outcome = gate.run(() -> {
                try (TikaInputStream in = TikaInputStream.get(file)) {
                    parser.parse(in, handler, metadata, context());
                }
            }, timeoutNanos);
        } catch (ProblemException e) {
            throw e; // no parse slot: the caller's answer, not the file's fault
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while extracting text", e);
        } catch (Exception e) {
            if (sink != null && sink.outputFailure() != null) {
                throw new UncheckedIOException("cannot write extracted text", sink.outputFailure());
            }
            if (sink != null && sink.isTruncated()) {
                return !sink.timedOut(); // we stopped the parser ourselves at the text limit
            }
            throw malformed(displayType, e);
        }
        if (outcome == ParseGate.Outcome.TIMED_OUT) {
            if (sink != null) {
                sink.timeOut();
            }
            return false;
        }
        return true;
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        // No OCR, even if tesseract happens to be installed: it is slow and out of scope.
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        // SAX-based extractors keep big .docx/.pptx files from being built up as DOMs.
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        // Embedded documents (images in a docx, a zip inside a pptx) are skipped: they would escape
        // the archive limits, and the host document's own text is what we are after.
        context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
        return context;
    }

    /** The uploader's words only: the parser's message (class names, temp paths) goes to the log. */
    private static AnalysisException malformed(String displayType, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("EncryptedDocumentException")) {
                return new AnalysisException(AnalysisException.Kind.MALFORMED,
                        "the " + displayType + " file is password-protected or encrypted; upload an unprotected copy", e);
            }
        }
        LOG.infof("a %s file could not be parsed: %s", displayType, e);
        LOG.debug("parse failure", e);
        return new AnalysisException(AnalysisException.Kind.MALFORMED,
                "the " + displayType + " file could not be read; check that it is not damaged or truncated", e);
    }

    private static final class SkipEmbedded implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
        }
    }

    /** Counts Tika's sections: a PDF page, a spreadsheet sheet or a slide each open a div of their class. */
    private static final class SectionCounter extends ContentHandlerDecorator {
        int count;

        SectionCounter(ContentHandler handler) {
            super(handler);
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
            if ("div".equals(localName) && atts != null) {
                String cls = atts.getValue("class");
                if ("page".equals(cls) || "sheet".equals(cls) || "slide-content".equals(cls)) {
                    count++;
                }
            }
            super.startElement(uri, localName, name, atts);
        }
    }
}
