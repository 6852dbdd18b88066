package ai.datasuite.retrieval.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.retrieval.config.CollectionsConfig;
import ai.datasuite.vectorindex.AtomicFiles;

/**
 * The collections that exist: one JSON file per collection ({@code <dir>/<name>.json}, written to a temporary file and
 * moved into place, like the dataset store's files), all read at start-up and kept in memory. Names match
 * {@link CollectionService#NAME}, so they are safe file names.
 */
@ApplicationScoped
public class CollectionRegistry {

    private static final Logger LOG = Logger.getLogger(CollectionRegistry.class);

    private final Path dir;
    private final ObjectMapper json;
    private final Map<String, CollectionRecord> records = new ConcurrentHashMap<>();

    public CollectionRegistry(CollectionsConfig config, ObjectMapper json) {
        this.dir = Path.of(config.dir());
        this.json = json;
        load();
    }

    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> {
                try {
                    CollectionRecord r = json.readValue(f.toFile(), CollectionRecord.class);
                    records.put(r.name(), r);
                } catch (IOException e) {
                    LOG.warnf("Skipped an unreadable collection entry %s: %s", f.getFileName(), e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the collection registry", e);
        }
    }

    public Optional<CollectionRecord> get(String name) {
        return Optional.ofNullable(records.get(name));
    }

    /** Every collection, by name. */
    public List<CollectionRecord> all() {
        return records.values().stream().sorted(Comparator.comparing(CollectionRecord::name)).toList();
    }

    /** Writes the entry (new or changed) to disk, then publishes it. */
    public void put(CollectionRecord record) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(file(record.name()), json.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the collection entry " + record.name(), e);
        }
        records.put(record.name(), record);
    }

    public void remove(String name) {
        records.remove(name);
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the collection entry " + name, e);
        }
    }

    private Path file(String name) {
        return dir.resolve(name + ".json");
    }
}
