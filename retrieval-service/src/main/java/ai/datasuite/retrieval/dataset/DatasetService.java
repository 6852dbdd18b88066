package ai.datasuite.retrieval.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.client.Hop;
import ai.datasuite.retrieval.client.IngestClient;
import ai.datasuite.retrieval.client.MetadataClient;
import ai.datasuite.retrieval.client.NewRemoteDataset;
import ai.datasuite.retrieval.client.RemoteDataset;
import ai.datasuite.retrieval.config.DatasetsConfig;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Q&A datasets: upload (validate, store the bytes through ingest-service, catalogue in metadata-service), the list,
 * and the parsed datasets the models read ({@link DatasetSource}), kept as local copies and in a small LRU cache.
 * <p>
 * Upload order, so that nothing is lost and nothing half-made is listed: (1) the whole file is validated first, so an
 * invalid file stores nothing; (2) the bytes go to ingest-service (stored by content, so a retry or a second upload of
 * the same bytes by the same owner reuses the file); (3) the parsed local copy is written; (4) the dataset is
 * catalogued under an id chosen here (so the create is retried safely). If (3) or (4) fails, the local copy is removed
 * and, when step (2) created the file and no catalogued dataset uses it, the file is deleted through ingest-service.
 * ingest's orphan reconciler would not reclaim it: it removes only objects that no file row references, and this
 * file has a row.
 * <p>
 * Owners: a dataset belongs to its uploader (or to the user an admin names). A caller reads only datasets they may
 * see ({@link Caller#canSee}); any other answers 404 like an unknown id, and metadata-service, which gets the caller's
 * identity on the hop, applies the same rule. The one exception is {@link #getForModel}: models are shared, so the
 * dataset a model was fitted on is read by this service itself for the model's quality test and benchmark.
 */
@ApplicationScoped
public class DatasetService implements DatasetSource {

    private static final Logger LOG = Logger.getLogger(DatasetService.class);
    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** ingest-service's rule for user ids (they become S3 key segments). */
    private static final Pattern OWNER_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
    static final String DATA_TYPE = "dataset";
    static final int MAX_NAME_LENGTH = 200;

    private final IngestClient ingest;
    private final MetadataClient metadata;
    private final DatasetStore store;
    private final DatasetsConfig config;
    private final ObjectMapper json;
    private final Instance<Caller> caller;
    private final DatasetEda eda;
    private final Map<String, QaDataset> datasets;
    private final Map<String, EdaView> analyses;
    private final Map<String, byte[]> charts;
    /** Striped locks (a dataset is parsed, and its EDA computed, once at a time) without an object per dataset id. */
    private final Object[] locks = new Object[64];

    public DatasetService(IngestClient ingest, MetadataClient metadata, DatasetStore store, DatasetsConfig config,
                          ObjectMapper json, Instance<Caller> caller) {
        this.ingest = ingest;
        this.metadata = metadata;
        this.store = store;
        this.config = config;
        this.json = json;
        this.caller = caller;
        this.eda = new DatasetEda(config.eda());
        this.datasets = lru(config.cacheSize());
        this.analyses = lru(4 * config.cacheSize());
        this.charts = lru(3 * config.cacheSize());
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Validates, stores and catalogues an uploaded CSV for {@code owner} (the caller, or whom an admin named); see the
     * class comment for the order.
     */
    public DatasetView upload(byte[] bytes, String fileName, String name, String owner, boolean ignoreExtraColumns) {
        String datasetName = checkName(name);
        String datasetOwner = checkOwner(owner);
        QaCsvParser.Parsed parsed = QaCsvParser.parse(bytes,
                new QaCsvParser.Options(ignoreExtraColumns, config.maxListedErrors()));
        String id = UUID.randomUUID().toString();
        IngestClient.Upload stored = ingest.upload(bytes, ingestFileName(fileName), "text/csv", datasetOwner,
                DATA_TYPE, List.of("qa-dataset"));
        RemoteDataset catalogued;
        try {
            store.write(id, parsed.rows());
            catalogued = metadata.create(new NewRemoteDataset(id, datasetName, stored.file().id(),
                    parsed.rows().size(), parsed.contexts().size(), parsed.header(), datasetOwner));
        } catch (RuntimeException e) {
            undo(id, stored);
            throw e;
        }
        datasets.put(id, new QaDataset(id, datasetName, parsed.rows(), parsed.contexts()));
        return view(catalogued, parsed.ignoredColumns());
    }

    /** The catalogue entry (404 when unknown or not the caller's to see). */
    public DatasetView describe(String id) {
        return view(catalogued(id, Hop.CALLER), null);
    }

    /** The catalogued datasets of {@code owner} (null: everyone's, for an admin), newest first. */
    public List<DatasetSummary> list(String owner) {
        return metadata.list(owner, null).stream()
                .filter(d -> canSee(d.owner()))
                .map(d -> new DatasetSummary(d.id(), d.name(), d.rows(), d.distinctContexts(), d.owner(),
                        d.uploadedAt()))
                .toList();
    }

    /** Page {@code page} (0-based) of {@link #list}, {@code size} entries (default and bound from configuration). */
    public DatasetPage page(String owner, Integer page, Integer size) {
        int[] p = paging(page, size);
        List<DatasetSummary> all = list(owner);
        return new DatasetPage(all.size(), p[0], p[1], slice(all, p[0], p[1]));
    }

    /** Page {@code page} (0-based) of a dataset's rows in file order; 404 as {@link #get} when not the caller's. */
    public DatasetRows rows(String datasetId, Integer page, Integer size) {
        int[] p = paging(page, size);
        QaDataset dataset = get(datasetId);
        List<DatasetRows.Row> rows = slice(dataset.rows(), p[0], p[1]).stream()
                .map(r -> new DatasetRows.Row(r.row(), r.question(), r.answer(), r.context())).toList();
        return new DatasetRows(dataset.id(), dataset.rows().size(), p[0], p[1], rows);
    }

    private int[] paging(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int n = size == null ? config.page().defaultSize() : size;
        if (p < 0) {
            throw ProblemException.validation("page must be 0 or more (pages count from 0)", Map.of("field", "page"));
        }
        if (n < 1 || n > config.page().maxSize()) {
            throw ProblemException.validation("size must be from 1 to " + config.page().maxSize()
                    + " (retrieval.datasets.page.max-size)", Map.of("field", "size", "max", config.page().maxSize()));
        }
        return new int[] {p, n};
    }

    private static <T> List<T> slice(List<T> all, int page, int size) {
        long from = (long) page * size; // a huge page number must not overflow into a valid one
        if (from >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size)));
    }

    /**
     * The parsed dataset, when the caller may see it: asks the catalogue (so a removed dataset is a 404 here too), then
     * reads the cache, the local copy, or, when this instance has none, the stored file from ingest-service (and keeps
     * a local copy).
     */
    @Override
    public QaDataset get(String datasetId) {
        return parsed(catalogued(datasetId, Hop.CALLER), Hop.CALLER);
    }

    /** The dataset a saved model was fitted on, read by this service on the shared model's behalf. */
    @Override
    public QaDataset getForModel(String datasetId) {
        return parsed(catalogued(datasetId, Hop.SERVICE), Hop.SERVICE);
    }

    private QaDataset parsed(RemoteDataset remote, Hop hop) {
        String id = remote.id();
        QaDataset cached = datasets.get(id);
        if (cached != null) {
            return cached;
        }
        synchronized (lock(id)) {
            cached = datasets.get(id);
            if (cached != null) {
                return cached;
            }
            QaCsvParser.Parsed parsed = store.read(id).orElseGet(() -> fetch(remote, hop));
            QaDataset dataset = new QaDataset(id, remote.name(), parsed.rows(), parsed.contexts());
            datasets.put(id, dataset);
            return dataset;
        }
    }

    /** The EDA, computed once per dataset (kept in memory and next to the local copy). */
    public EdaView eda(String datasetId) {
        QaDataset dataset = get(datasetId);
        String id = dataset.id();
        EdaView cached = analyses.get(id);
        if (cached != null) {
            return cached;
        }
        synchronized (lock(id)) {
            cached = analyses.get(id);
            if (cached != null) {
                return cached;
            }
            EdaView result = store.readEda(id).map(this::readEda).orElse(null);
            if (result == null) {
                result = eda.compute(dataset);
                LOG.infof("EDA of dataset %s (%d rows, %d contexts) took %d ms", id, dataset.rows().size(),
                        dataset.contexts().size(), result.computedMs());
                try {
                    store.writeEda(id, json.writeValueAsBytes(result));
                } catch (IOException | UncheckedIOException e) {
                    LOG.warnf("could not keep the EDA of dataset %s on disk (%s); it is kept in memory", id,
                            e.getMessage());
                }
            }
            analyses.put(id, result);
            return result;
        }
    }

    /** A PNG of the EDA: {@code lengths}, {@code tsne} or {@code wordcloud}; rendered once per dataset. */
    public byte[] chart(String datasetId, String kind) {
        EdaView analysis = eda(datasetId);
        String key = analysis.datasetId() + "/" + kind;
        byte[] cached = charts.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] png = switch (kind) {
            case "lengths" -> EdaCharts.lengths(analysis);
            case "tsne" -> EdaCharts.tsne(analysis, 900, 700);
            case "wordcloud" -> EdaCharts.wordCloud(analysis, 900, 600);
            default -> throw ProblemException.notFound("No chart '" + shown(kind) + "'; there are lengths.png,"
                    + " tsne.png and wordcloud.png");
        };
        charts.put(key, png);
        return png;
    }

    /** The catalogue entry; 404 when unknown or, read for the caller, not theirs to see (the same answer). */
    private RemoteDataset catalogued(String datasetId, Hop hop) {
        if (datasetId == null || !UUID_PATTERN.matcher(datasetId).matches()) {
            throw ProblemException.notFound("No dataset " + shown(datasetId) + " (dataset ids are UUIDs)");
        }
        String id = datasetId.toLowerCase(Locale.ROOT);
        RemoteDataset remote = metadata.get(id, hop).orElse(null);
        if (remote == null && (hop == Hop.SERVICE || seesEveryone())) {
            // Removed from the catalogue: drop what this instance kept. (A user's 404 may only mean "not yours".)
            forget(id);
        }
        if (remote == null || hop == Hop.CALLER && !canSee(remote.owner())) {
            throw ProblemException.notFound("No dataset " + id);
        }
        return remote;
    }

    /** The caller's owner rule (everything for work no caller asked for, see {@link #requestCaller}). */
    private boolean canSee(String owner) {
        Caller current = requestCaller();
        return current == null || current.canSee(owner);
    }

    private boolean seesEveryone() {
        Caller current = requestCaller();
        return current == null || current.isAdmin();
    }

    /**
     * The request's verified caller; null for work no caller asked for (no request, or one without an identity), which
     * acts as this service and sees every dataset, as identity-support signs such hops with the service's identity.
     * Requests without an identity never reach the resources (401).
     */
    private Caller requestCaller() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        SecurityIdentity identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        return identity == null || identity.isAnonymous() ? null : caller.get();
    }

    /** The stored CSV again, for an instance that has no local copy; it was validated when it was uploaded. */
    private QaCsvParser.Parsed fetch(RemoteDataset remote, Hop hop) {
        byte[] bytes = ingest.content(remote.fileId(), hop).orElseThrow(() -> ProblemException.notFound(
                "Dataset " + remote.id() + " is catalogued but its file " + remote.fileId()
                        + " is no longer stored; upload it again"));
        QaCsvParser.Parsed parsed = QaCsvParser.parse(bytes, new QaCsvParser.Options(true, config.maxListedErrors()));
        store.write(remote.id(), parsed.rows());
        LOG.infof("dataset %s: local copy re-created from file %s", remote.id(), remote.fileId());
        return parsed;
    }

    /** Undoes an upload whose catalogue step failed; every step is best effort and logged. */
    private void undo(String id, IngestClient.Upload stored) {
        try {
            store.delete(id);
        } catch (RuntimeException e) {
            LOG.warnf("could not remove the local copy of failed upload %s: %s", id, e.getMessage());
        }
        if (!stored.created()) {
            return; // The file was there before this upload (same bytes, same owner): not ours to delete.
        }
        String fileId = stored.file().id();
        try {
            if (metadata.list(null, fileId).isEmpty()) {
                ingest.delete(fileId);
            }
        } catch (RuntimeException e) {
            LOG.warnf("upload of dataset %s failed and its file %s could not be deleted (%s); delete it through"
                    + " ingest-service (DELETE /api/v1/files/%s)", id, fileId, e.getMessage(), fileId);
        }
    }

    private void forget(String id) {
        datasets.remove(id);
        analyses.remove(id);
        charts.keySet().removeIf(key -> key.startsWith(id + "/"));
        try {
            store.delete(id);
        } catch (RuntimeException e) {
            LOG.debugf("could not remove the local copy of %s: %s", id, e.getMessage());
        }
    }

    private EdaView readEda(byte[] bytes) {
        try {
            return json.readValue(bytes, EdaView.class);
        } catch (IOException e) {
            return null; // Written by another version: compute it again.
        }
    }

    /** A caller's value in an answer, cut short: an answer never echoes unbounded input. */
    static String shown(String value) {
        return value == null || value.length() <= 40 ? String.valueOf(value) : value.substring(0, 40) + "...";
    }

    private Object lock(String id) {
        return locks[Math.floorMod(id.hashCode(), locks.length)];
    }

    private static DatasetView view(RemoteDataset d, List<String> ignoredColumns) {
        return new DatasetView(d.id(), d.name(), d.fileId(), d.rows(), d.distinctContexts(), d.columns(),
                ignoredColumns, d.owner(), d.uploadedAt());
    }

    static String checkName(String name) {
        String message = null;
        if (name == null || name.isBlank()) {
            message = "must not be blank";
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            message = "must be at most " + MAX_NAME_LENGTH + " characters";
        } else if (name.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            message = "must not contain control characters";
        }
        if (message != null) {
            throw ProblemException.validation("name " + message,
                    Map.of("errors", List.of(Map.of("field", "name", "message", message))));
        }
        return name;
    }

    private static String checkOwner(String owner) {
        if (owner == null || !OWNER_PATTERN.matcher(owner).matches()) {
            String message = "must be 1-128 letters, digits or . _ @ -, starting with a letter or digit";
            throw ProblemException.validation("owner " + message,
                    Map.of("errors", List.of(Map.of("field", "owner", "message", message))));
        }
        return owner;
    }

    /** ingest-service refines text/plain to CSV by the .csv extension and keeps at most 255 characters of a name. */
    static String ingestFileName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "dataset.csv" : fileName.strip();
        name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            name = name + ".csv";
        }
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    private static <V> Map<String, V> lru(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > Math.max(1, capacity);
            }
        });
    }
}
