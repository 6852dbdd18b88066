package ai.datasuite.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TIFF, WAV and MP3, generated here: detected, their facts in the details, one line of facts and name as text. */
class ContentAnalyzerMediaTest {

    private static ContentAnalyzer analyzer;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        analyzer = new ContentAnalyzer(AnalysisLimits.defaults());
    }

    private record Result(Analysis analysis, String text) {
    }

    private Result analyze(String name, byte[] bytes) throws Exception {
        Path file = Files.write(tmp.resolve(name), bytes);
        StringWriter text = new StringWriter();
        return new Result(analyzer.analyze(file, name, text), text.toString());
    }

    @Test
    void tiffGivesSizeTiffTagsAndAFactLine() throws Exception {
        Result r = analyze("scan.tiff", TestMedia.tiff(64, 48, "SuiteScanner 2.1"));
        Analysis a = r.analysis();
        assertEquals("image/tiff", a.mediaType());
        assertFalse(a.extensionMismatch());
        assertEquals(64, a.details().get("width"));
        assertEquals(48, a.details().get("height"));
        assertEquals(Map.of("software", "SuiteScanner 2.1"), a.details().get("exif"));
        assertEquals("scan.tiff: image/tiff, 64 x 48 px, software SuiteScanner 2.1\n", r.text());
        assertTrue(a.hasText());
        assertEquals(r.text().length(), a.textLength());
    }

    @Test
    void tiffWithoutTagsHasNoExifMap() throws Exception {
        Result r = analyze("plain.tif", TestMedia.tiff(10, 20, null));
        assertEquals("image/tiff", r.analysis().mediaType());
        assertFalse(r.analysis().details().containsKey("exif"), r.analysis().details().toString());
        assertEquals("plain.tif: image/tiff, 10 x 20 px\n", r.text());
    }

    @Test
    void wavGivesDurationRateChannelsAndBits() throws Exception {
        Result r = analyze("sound.wav", TestMedia.wav(16000f, 16, 1, 2.0));
        Analysis a = r.analysis();
        assertEquals("audio/vnd.wave", a.mediaType());
        assertFalse(a.extensionMismatch());
        assertEquals(Map.of("duration_seconds", 2.0, "sample_rate", 16000, "channels", 1, "bits_per_sample", 16),
                a.details());
        assertEquals("sound.wav: audio/vnd.wave, 2.0 s, 16000 Hz, 1 channel, 16 bit\n", r.text());
    }

    @Test
    void stereoWavSaysChannels() throws Exception {
        Result r = analyze("stereo.wav", TestMedia.wav(8000f, 8, 2, 0.5));
        assertEquals(0.5, r.analysis().details().get("duration_seconds"));
        assertEquals(2, r.analysis().details().get("channels"));
        assertEquals(8, r.analysis().details().get("bits_per_sample"));
        assertTrue(r.text().contains(", 0.5 s, 8000 Hz, 2 channels, 8 bit"), r.text());
    }

    @Test
    void mp3GivesDurationRateChannelsAndId3Tags() throws Exception {
        // Tika's Mp3Parser reads the hand-made frames: 40 frames of 1152 samples at 44100 Hz = 1.045 s.
        Result r = analyze("song.mp3", TestMedia.mp3(40, "Quiet Song", "The Testers", "Silence"));
        Analysis a = r.analysis();
        assertEquals("audio/mpeg", a.mediaType());
        assertFalse(a.extensionMismatch());
        double expected = 40.0 * TestMedia.MP3_SAMPLES_PER_FRAME / 44100;
        assertEquals(expected, (Double) a.details().get("duration_seconds"), 0.002);
        assertEquals(44100, a.details().get("sample_rate"));
        assertEquals(1, a.details().get("channels"));
        assertFalse(a.details().containsKey("bits_per_sample"), "MP3 has no fixed sample size");
        assertEquals(Map.of("title", "Quiet Song", "artist", "The Testers", "album", "Silence"),
                a.details().get("id3"));
        assertEquals("song.mp3: audio/mpeg, 1.0 s, 44100 Hz, 1 channel, title Quiet Song, artist The Testers, "
                + "album Silence\n", r.text());
    }

    @Test
    void mp3WithoutTagsHasNoId3Map() throws Exception {
        Result r = analyze("bare.mp3", TestMedia.mp3(20, null, null, null));
        assertEquals("audio/mpeg", r.analysis().mediaType());
        assertFalse(r.analysis().details().containsKey("id3"));
        assertEquals(44100, r.analysis().details().get("sample_rate"));
    }

    @Test
    void longTagsAndNamesAreCutToTheFactLimit() throws Exception {
        ContentAnalyzer strict = new ContentAnalyzer(new AnalysisLimits(1000, 10, 1 << 20, 100.0, 3, 12));
        String longTitle = "A".repeat(500);
        Path file = Files.write(tmp.resolve("n".repeat(40) + ".mp3"), TestMedia.mp3(5, longTitle, "\u0001Bell\n", null));
        StringWriter text = new StringWriter();
        Analysis a = strict.analyze(file, file.getFileName().toString(), text);
        Map<?, ?> id3 = (Map<?, ?>) a.details().get("id3");
        assertEquals("A".repeat(12), id3.get("title"));
        assertEquals("Bell", id3.get("artist"), "control characters are dropped");
        assertTrue(text.toString().startsWith("n".repeat(12) + ": audio/mpeg"), text.toString());
        assertEquals(1, text.toString().lines().count(), "the fact line stays one line");
    }

    @Test
    void wavBytesNamedMp3AreWavAndFlagged() throws Exception {
        Result r = analyze("sound.mp3", TestMedia.wav(16000f, 16, 1, 0.1));
        assertEquals("audio/vnd.wave", r.analysis().mediaType());
        assertEquals("audio/mpeg", r.analysis().nameMediaType());
        assertTrue(r.analysis().extensionMismatch());
    }

    @Test
    void otherAudioIsStillUnsupported() throws Exception {
        // AIFF: a real audio format, recognised, but not one we take.
        byte[] aiff = java.util.Arrays.copyOf("FORM\0\0\0\u0004AIFF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 64);
        Path file = Files.write(tmp.resolve("x.aiff"), aiff);
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> analyzer.analyze(file, "x.aiff", new StringWriter()));
        assertEquals(AnalysisException.Kind.UNSUPPORTED_TYPE, e.kind());
        assertTrue(e.getMessage().contains("audio/x-aiff"), e.getMessage());
        assertTrue(e.getMessage().contains("TIFF, WAV, MP3"), e.getMessage());
    }
}
