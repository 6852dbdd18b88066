package ai.datasuite.retrieval.dataset;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import ai.datasuite.retrieval.config.DatasetsConfig;
import ai.datasuite.vectorindex.AtomicFiles;

/**
 * The local copies: {@code <dir>/<id>.csv} holds the parsed rows (context trimmed, question, answer; nothing else) as
 * RFC 4180 CSV, so reading one back needs no network; {@code <id>.eda.json} caches the EDA result. Files are written
 * to a temporary name and moved into place, so a reader never sees half a file. Ids are UUIDs (checked by the caller),
 * so they are safe file names.
 */
@ApplicationScoped
public class DatasetStore {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final Path dir;
    private final int maxListedErrors;

    public DatasetStore(DatasetsConfig config) {
        this.dir = Path.of(config.dir());
        this.maxListedErrors = config.maxListedErrors();
    }

    public void write(String id, List<QaRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(QaCsvParser.REQUIRED);
            for (QaRow row : rows) {
                printer.printRecord(row.context(), row.question(), row.answer());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(csv(id), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The local copy parsed again, or empty when there is none. */
    public Optional<QaCsvParser.Parsed> read(String id) {
        Path file = csv(id);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(QaCsvParser.parse(Files.readAllBytes(file),
                    new QaCsvParser.Options(false, maxListedErrors)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<byte[]> readEda(String id) {
        try {
            Path file = eda(id);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeEda(String id, byte[] json) {
        writeAtomically(eda(id), json);
    }

    /** Removes the local copy and its EDA cache (no-op when absent). */
    public void delete(String id) {
        try {
            Files.deleteIfExists(csv(id));
            Files.deleteIfExists(eda(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path csv(String id) {
        return dir.resolve(id + ".csv");
    }

    private Path eda(String id) {
        return dir.resolve(id + ".eda.json");
    }

    private void writeAtomically(Path target, byte[] bytes) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(target, bytes);
    }
}
