package ai.datasuite.ingest.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides a file's media type from its bytes; the name may only make a text/plain result more
 * specific (.csv, .py...), never override the content. Also says what the name alone suggests.
 */
final class MediaTypeResolver {

    /**
     * @param mediaType     the type to handle the file as
     * @param contentType   what content detection alone said (before refinement), for messages
     * @param nameMediaType what the name alone suggests, or null
     * @param extension     lower-case extension without the dot, or null
     * @param mismatch      the name suggests a different kind of file
     */
    record Resolution(MediaType mediaType, MediaType contentType, MediaType nameMediaType, String extension,
                      boolean mismatch) {
    }

    private final Detector detector;
    private final MimeTypes mimeTypes;
    private final MediaTypeRegistry registry;
    private final SupportedTypes supported;

    MediaTypeResolver(Detector detector, MimeTypes mimeTypes, SupportedTypes supported) {
        this.detector = detector;
        this.mimeTypes = mimeTypes;
        this.registry = mimeTypes.getMediaTypeRegistry();
        this.supported = supported;
    }

    Resolution resolve(Path file, String originalName) {
        MediaType content = detectContent(file);
        MediaType type = generalize(content);
        if (type.equals(SupportedTypes.TEXT_PLAIN) && PdbRecords.looksLikePdb(file)) {
            type = SupportedTypes.PDB;
        }
        return byName(type, content, originalName);
    }

    /**
     * Cheaper variant for archive entries, from their first bytes only (magic, no container look):
     * good enough to route text; zip-like results need {@link #resolve} on the spooled entry.
     */
    MediaType resolveHead(byte[] head, String name) {
        MediaType content;
        try (InputStream in = new ByteArrayInputStream(head)) {
            content = registry.normalize(mimeTypes.detect(in, new Metadata()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a byte array
        }
        MediaType type = generalize(content);
        try {
            if (type.equals(SupportedTypes.TEXT_PLAIN) && PdbRecords.looksLikePdb(new ByteArrayInputStream(head))) {
                type = SupportedTypes.PDB;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byName(type, content, name).mediaType();
    }

    private Resolution byName(MediaType type, MediaType content, String originalName) {
        String extension = extensionOf(originalName);
        MediaType byName = extension == null ? null : detectName(baseName(originalName));
        if (byName != null && type.equals(SupportedTypes.TEXT_PLAIN)
                && SupportedTypes.REFINABLE_BY_NAME.contains(byName)) {
            type = byName;
        }
        boolean mismatch = byName != null && !sameFamily(type, byName);
        return new Resolution(type, content, byName, extension, mismatch);
    }

    /** Zip or a zip-based format (docx, odt, jar...): only a look inside tells which. */
    boolean isZipLike(MediaType type) {
        return type.equals(SupportedTypes.ZIP) || registry.isSpecializationOf(type, SupportedTypes.ZIP);
    }

    private MediaType detectContent(Path file) {
        // No name in the metadata: the bytes alone decide. TikaInputStream on a path lets the
        // container detectors open zips and OLE2 files in place (docx vs xlsx vs plain zip).
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return registry.normalize(detector.detect(in, new Metadata()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Text variants we do not list (shell scripts, Java, SVG...) are still text: handle them as
     * their nearest accepted ancestor, text/plain or application/xml.
     */
    private MediaType generalize(MediaType type) {
        if (supported.isUpload(type)) {
            return type;
        }
        if (registry.isSpecializationOf(type, SupportedTypes.APPLICATION_XML)) {
            return SupportedTypes.APPLICATION_XML;
        }
        if (registry.isSpecializationOf(type, SupportedTypes.TEXT_PLAIN)) {
            return SupportedTypes.TEXT_PLAIN;
        }
        return type;
    }

    private MediaType detectName(String name) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try {
            MediaType type = registry.normalize(mimeTypes.detect(null, metadata));
            return type.equals(MediaType.OCTET_STREAM) ? null : type;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: no stream is read
        }
    }

    /**
     * Same family when equal, when the content is a more specific kind of what the name says
     * (a .docx named .zip, HTML named .txt), or when plain text carries a more specific text name
     * (a .java file, a .pdb file without PDB records).
     */
    private boolean sameFamily(MediaType content, MediaType byName) {
        if (content.equals(byName) || specializes(content, byName)) {
            return true;
        }
        boolean genericContent = content.equals(SupportedTypes.TEXT_PLAIN)
                || content.equals(SupportedTypes.APPLICATION_XML);
        return genericContent && specializes(byName, content);
    }

    private boolean specializes(MediaType a, MediaType b) {
        if (registry.isSpecializationOf(a, b)) {
            return true;
        }
        // Tika files PDB directly under octet-stream; for us it is a text format.
        return a.equals(SupportedTypes.PDB)
                && (b.equals(SupportedTypes.TEXT_PLAIN) || registry.isSpecializationOf(SupportedTypes.TEXT_PLAIN, b));
    }

    static String baseName(String name) {
        if (name == null) {
            return "";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    /** Extension of the last path segment; none for "README", ".bashrc" or "name.". */
    static String extensionOf(String name) {
        String base = baseName(name);
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length() - 1) {
            return null;
        }
        return base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
