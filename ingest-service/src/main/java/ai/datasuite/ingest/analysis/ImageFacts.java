package ai.datasuite.ingest.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.metadata.Metadata;

/** The few image facts worth keeping: pixel size and the main EXIF (or TIFF) fields. */
final class ImageFacts {

    /** Our key to Tika's metadata key, in the order they are reported. */
    private static final Map<String, String> EXIF_KEYS = orderedMap(
            "camera_make", "tiff:Make",
            "camera_model", "tiff:Model",
            "date_taken", "exif:DateTimeOriginal",
            "orientation", "tiff:Orientation",
            "exposure_time", "exif:ExposureTime",
            "f_number", "exif:FNumber",
            "focal_length", "exif:FocalLength",
            "iso", "exif:IsoSpeedRatings",
            "flash", "exif:Flash",
            "software", "tiff:Software",
            "gps_latitude", "geo:lat",
            "gps_longitude", "geo:long");

    private ImageFacts() {
    }

    /**
     * Width and height from the image header, read with ImageIO without decoding pixels.
     * (Tika's tiff:ImageWidth is the EXIF value, which for an edited JPEG can be the original's size.)
     */
    static Map<String, Object> dimensions(Path file) {
        Map<String, Object> facts = new LinkedHashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    facts.put("width", reader.getWidth(0));
                    facts.put("height", reader.getHeight(0));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged header leaves the size unknown; the caller notes that.
        }
        return facts;
    }

    /** Tika's size keys, for when ImageIO cannot read the header. */
    static void fallbackDimensions(Metadata metadata, Map<String, Object> facts) {
        if (!facts.containsKey("width")) {
            Integer width = leadingInt(metadata.get("Image Width"), metadata.get("width"));
            Integer height = leadingInt(metadata.get("Image Height"), metadata.get("height"));
            if (width != null && height != null) {
                facts.put("width", width);
                facts.put("height", height);
            }
        }
    }

    /** EXIF of a JPEG, the same tags of a TIFF (Tika reports both under these keys), each cut to {@code maxChars}. */
    static Map<String, Object> exif(Metadata metadata, int maxChars) {
        Map<String, Object> exif = new LinkedHashMap<>();
        EXIF_KEYS.forEach((ours, tikas) -> {
            String value = Facts.clip(metadata.get(tikas), maxChars);
            if (value != null) {
                exif.put(ours, value);
            }
        });
        return exif;
    }

    /** "100 pixels" → 100. */
    private static Integer leadingInt(String... values) {
        for (String value : values) {
            if (value != null) {
                String digits = value.trim().split("\\s+")[0];
                try {
                    return Integer.valueOf(digits);
                } catch (NumberFormatException e) {
                    // try the next key
                }
            }
        }
        return null;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
