package ai.datasuite.ingest.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.apache.tika.metadata.Metadata;

/** The few audio facts worth keeping: duration, sample rate, channels, sample size, and the ID3 title/artist/album. */
final class AudioFacts {

    /** Our key to Tika's metadata key for the ID3 tags, in the order they are reported. */
    private static final Map<String, String> ID3_KEYS = Map.of(
            "title", "dc:title",
            "artist", "xmpDM:artist",
            "album", "xmpDM:album");
    private static final String[] ID3_ORDER = {"title", "artist", "album"};

    private AudioFacts() {
    }

    /**
     * WAV: the header read by Java Sound (Tika gives no duration for it), Tika's keys as a fallback.
     * MP3: Tika's Mp3Parser (duration from the frames it walked, rate and channels from the first frame, ID3 tags).
     */
    static Map<String, Object> of(Path file, Metadata metadata, int maxFactChars) {
        Map<String, Object> facts = new LinkedHashMap<>();
        javaSound(file, facts);
        if (!facts.containsKey("duration_seconds")) {
            Double duration = number(metadata.get("xmpDM:duration"));
            if (duration != null && duration > 0) {
                facts.put("duration_seconds", round(duration));
            }
        }
        putIfAbsent(facts, "sample_rate", wholeNumber(metadata.get("xmpDM:audioSampleRate"), metadata.get("samplerate")));
        putIfAbsent(facts, "channels", wholeNumber(metadata.get("channels")));
        putIfAbsent(facts, "bits_per_sample", wholeNumber(metadata.get("bits")));
        Map<String, Object> id3 = new LinkedHashMap<>();
        for (String ours : ID3_ORDER) {
            String value = Facts.clip(metadata.get(ID3_KEYS.get(ours)), maxFactChars);
            if (value != null) {
                id3.put(ours, value);
            }
        }
        if (!id3.isEmpty()) {
            facts.put("id3", id3);
        }
        return facts;
    }

    /** Java Sound reads WAV (and AIFF/AU) headers only; MP3 is not one of its formats and is skipped quietly. */
    private static void javaSound(Path file, Map<String, Object> facts) {
        AudioFileFormat fileFormat;
        try {
            fileFormat = AudioSystem.getAudioFileFormat(file.toFile());
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            return;
        }
        AudioFormat format = fileFormat.getFormat();
        long frames = fileFormat.getFrameLength();
        float frameRate = format.getFrameRate();
        if (frames > 0 && frameRate > 0) {
            facts.put("duration_seconds", round(frames / (double) frameRate));
        }
        if (format.getSampleRate() > 0) {
            facts.put("sample_rate", Math.round(format.getSampleRate()));
        }
        if (format.getChannels() > 0) {
            facts.put("channels", format.getChannels());
        }
        if (format.getSampleSizeInBits() > 0) {
            facts.put("bits_per_sample", format.getSampleSizeInBits());
        }
    }

    private static void putIfAbsent(Map<String, Object> facts, String key, Integer value) {
        if (value != null && value > 0) {
            facts.putIfAbsent(key, value);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "44100" or "16000.0" → the whole number; the first key that parses wins. */
    private static Integer wholeNumber(String... values) {
        for (String value : values) {
            Double number = number(value);
            if (number != null && number < Integer.MAX_VALUE) {
                return (int) Math.round(number);
            }
        }
        return null;
    }
}
