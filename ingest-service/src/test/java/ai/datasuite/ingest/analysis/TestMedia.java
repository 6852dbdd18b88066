package ai.datasuite.ingest.analysis;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** TIFF, WAV and MP3 files made in memory (no binary fixtures): the analysis and the upload tests use them. */
public final class TestMedia {

    /** Every MP3 frame below: MPEG-1 Layer III, 128 kbit/s, 44100 Hz, mono, no padding, no CRC. */
    private static final byte[] MP3_FRAME_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0xC4};
    /** 144 * 128000 / 44100, rounded down: the frame's length in bytes, header included. */
    private static final int MP3_FRAME_BYTES = 417;
    /** Samples per MPEG-1 Layer III frame. */
    public static final int MP3_SAMPLES_PER_FRAME = 1152;

    private TestMedia() {
    }

    /** An RGB TIFF, with a TIFF Software tag when {@code software} is not null. */
    public static byte[] tiff(int width, int height, String software) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            if (software != null) {
                TIFFDirectory directory = TIFFDirectory.createFromMetadata(metadata);
                TIFFTag tag = BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_SOFTWARE);
                directory.addTIFFField(new TIFFField(tag, TIFFTag.TIFF_ASCII, 1, new String[] {software}));
                metadata = directory.getAsMetadata();
            }
            writer.write(null, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A silent PCM WAV of {@code seconds} at {@code sampleRate} Hz. */
    public static byte[] wav(float sampleRate, int bits, int channels, double seconds) {
        AudioFormat format = new AudioFormat(sampleRate, bits, channels, true, false);
        long frames = Math.round(sampleRate * seconds);
        byte[] pcm = new byte[(int) (frames * format.getFrameSize())];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An ID3v2.3 tag (TIT2/TPE1/TALB for the non-null arguments) followed by {@code frames} MPEG-1 Layer III frames
     * whose payload is zeros (silence, as far as a parser walking headers is concerned).
     */
    public static byte[] mp3(int frames, String title, String artist, String album) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream tagFrames = new ByteArrayOutputStream();
        id3Frame(tagFrames, "TIT2", title);
        id3Frame(tagFrames, "TPE1", artist);
        id3Frame(tagFrames, "TALB", album);
        byte[] tag = tagFrames.toByteArray();
        if (tag.length > 0) {
            int size = tag.length; // ID3v2 header size: four 7-bit bytes
            out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0,
                    (byte) ((size >> 21) & 0x7F), (byte) ((size >> 14) & 0x7F), (byte) ((size >> 7) & 0x7F),
                    (byte) (size & 0x7F)});
            out.writeBytes(tag);
        }
        for (int i = 0; i < frames; i++) {
            byte[] frame = new byte[MP3_FRAME_BYTES];
            System.arraycopy(MP3_FRAME_HEADER, 0, frame, 0, MP3_FRAME_HEADER.length);
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static void id3Frame(ByteArrayOutputStream out, String id, String text) {
        if (text == null) {
            return;
        }
        byte[] value = text.getBytes(StandardCharsets.ISO_8859_1);
        int size = value.length + 1; // encoding byte 0 = ISO-8859-1
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {(byte) (size >> 24), (byte) (size >> 16), (byte) (size >> 8), (byte) size, 0, 0, 0});
        out.writeBytes(value);
    }
}
