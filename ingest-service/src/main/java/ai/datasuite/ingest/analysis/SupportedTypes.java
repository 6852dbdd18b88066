package ai.datasuite.ingest.analysis;

import java.util.Map;
import java.util.Set;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/** Which media types we accept and how each is handled. */
final class SupportedTypes {

    enum Handling {
        /** Dimensions and EXIF/TIFF tags; the text is one line of those facts and the name. */
        IMAGE,
        /** Duration, sample rate, channels, ID3 tags; the text is one line of those facts and the name. */
        AUDIO,
        /** Characters are copied as they are (after charset detection). */
        PLAIN_TEXT,
        /** Text is extracted by a Tika parser. */
        DOCUMENT,
        /** Entries are listed and their text extracted, within the archive limits. */
        ARCHIVE,
        /** Columnar data (Parquet) stored as it is; the text is one line of facts and the name. */
        DATA
    }

    static final MediaType TEXT_PLAIN = MediaType.TEXT_PLAIN;
    static final MediaType APPLICATION_XML = MediaType.APPLICATION_XML;
    static final MediaType ZIP = MediaType.application("zip");
    static final MediaType PDB = MediaType.parse("chemical/x-pdb");
    /** Tika's name for the Parquet magic ("PAR1"): product catalogs are kept in the lake as Parquet. */
    static final MediaType PARQUET = MediaType.application("x-parquet");
    static final MediaType PDF = MediaType.application("pdf");
    static final MediaType DOCX =
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType PPTX =
            MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation");

    /** What is accepted as an upload. */
    private static final Map<MediaType, Handling> UPLOADS = Map.ofEntries(
            Map.entry(MediaType.image("png"), Handling.IMAGE),
            Map.entry(MediaType.image("jpeg"), Handling.IMAGE),
            Map.entry(MediaType.image("tiff"), Handling.IMAGE),
            Map.entry(MediaType.audio("vnd.wave"), Handling.AUDIO),
            Map.entry(MediaType.audio("mpeg"), Handling.AUDIO),
            Map.entry(TEXT_PLAIN, Handling.PLAIN_TEXT),
            Map.entry(MediaType.text("csv"), Handling.PLAIN_TEXT),
            Map.entry(MediaType.text("x-python"), Handling.PLAIN_TEXT),
            Map.entry(MediaType.text("markdown"), Handling.PLAIN_TEXT),
            Map.entry(MediaType.text("x-web-markdown"), Handling.PLAIN_TEXT),
            Map.entry(MediaType.application("json"), Handling.PLAIN_TEXT),
            Map.entry(PDB, Handling.PLAIN_TEXT),
            Map.entry(MediaType.text("html"), Handling.DOCUMENT),
            Map.entry(MediaType.application("xhtml+xml"), Handling.DOCUMENT),
            Map.entry(APPLICATION_XML, Handling.DOCUMENT),
            Map.entry(MediaType.application("rtf"), Handling.DOCUMENT),
            Map.entry(PDF, Handling.DOCUMENT),
            Map.entry(DOCX, Handling.DOCUMENT),
            Map.entry(XLSX, Handling.DOCUMENT),
            Map.entry(PPTX, Handling.DOCUMENT),
            Map.entry(ZIP, Handling.ARCHIVE),
            Map.entry(PARQUET, Handling.DATA));

    /**
     * Text-flavoured types the file name may pick when the content only says text/plain.
     * PDB is left out on purpose: it is recognised from its records, never from the name.
     */
    static final Set<MediaType> REFINABLE_BY_NAME = Set.of(
            MediaType.text("csv"),
            MediaType.text("x-python"),
            MediaType.text("markdown"),
            MediaType.text("x-web-markdown"),
            MediaType.application("json"));

    /** Inside an archive we also read the legacy and open office formats (Tika bounds those itself). */
    private static final Set<MediaType> ARCHIVE_ONLY_DOCUMENT_ROOTS = Set.of(
            MediaType.application("x-tika-msoffice"),
            MediaType.application("x-tika-ooxml"));

    private final MediaTypeRegistry registry;

    SupportedTypes(MediaTypeRegistry registry) {
        this.registry = registry;
    }

    boolean isUpload(MediaType type) {
        return UPLOADS.containsKey(type);
    }

    /** How an accepted upload is handled, or null if it is not accepted. */
    Handling forUpload(MediaType type) {
        return UPLOADS.get(type);
    }

    /** How an archive entry is handled, or null when it is only listed. */
    Handling forArchiveEntry(MediaType type) {
        Handling handling = UPLOADS.get(type);
        if (handling == Handling.IMAGE || handling == Handling.AUDIO || handling == Handling.DATA) {
            return null; // images, audio and data files in archives are listed, not opened
        }
        if (handling != null) {
            return handling;
        }
        if (type.getType().equals("application") && type.getSubtype().startsWith("vnd.oasis.opendocument.")) {
            return Handling.DOCUMENT;
        }
        for (MediaType root : ARCHIVE_ONLY_DOCUMENT_ROOTS) {
            if (type.equals(root) || registry.isSpecializationOf(type, root)) {
                return Handling.DOCUMENT;
            }
        }
        return null;
    }

    static String describeUploads() {
        return "PNG, JPEG, TIFF, WAV, MP3, plain text, CSV, Python, Markdown, JSON, PDB, HTML, XML, RTF, PDF, "
                + "Word (.docx), Excel (.xlsx), PowerPoint (.pptx), ZIP and Parquet";
    }
}
