package ai.datasuite.retrieval.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.vectorindex.AtomicFiles;
import ai.datasuite.vectorindex.VectorStore;

/**
 * Finds and removes what fits killed mid-run leave: model folders without their completed marker ({@code model.json})
 * and vector collections {@code model-<id>} (and a hybrid's {@code -sparse}/{@code -dense}) that no saved model owns.
 * Nothing refers to them, and an automatic id is never fitted again, so without this they would stay for good.
 * Runs at start-up and with {@code remove_all}. A model being fitted is never touched: the check and the removal of
 * each leftover happen under {@code guard}, the lock a fit holds while it claims its id.
 */
final class LeftoverSweep {

    private static final Logger LOG = Logger.getLogger(LeftoverSweep.class);
    static final String PREFIX = "model-";

    /** What one sweep removed: model ids of unfinished folders, names of orphaned collections, bytes freed. */
    record Report(List<String> folders, List<String> collections, long freedBytes) {

        boolean isEmpty() {
            return folders.isEmpty() && collections.isEmpty();
        }
    }

    private final ModelFolders folders;
    private final VectorStore store;
    private final Object guard;
    private final Predicate<String> fitting;

    LeftoverSweep(ModelFolders folders, VectorStore store, Object guard, Predicate<String> fitting) {
        this.folders = folders;
        this.store = store;
        this.guard = guard;
        this.fitting = fitting;
    }

    Report sweep() {
        List<String> removedFolders = new ArrayList<>();
        long freed = 0;
        for (String id : folders.ids()) {
            synchronized (guard) {
                if (fitting.test(id) || !folders.unfinished(id)) {
                    continue;
                }
                Path dir = folders.dir(id);
                freed += ModelFolders.bytes(dir);
                for (String collection : collectionsOf(id)) {
                    store.dropCollection(collection);
                }
                AtomicFiles.deleteRecursively(dir);
                removedFolders.add(id);
            }
        }
        List<String> removedCollections = new ArrayList<>();
        for (String collection : modelCollections()) {
            synchronized (guard) {
                if (!owned(collection)) {
                    store.dropCollection(collection);
                    removedCollections.add(collection);
                }
            }
        }
        Report report = new Report(removedFolders, removedCollections, freed);
        if (!report.isEmpty()) {
            LOG.infof("Removed what unfinished fits left: folders of %s (%d bytes), collections %s", removedFolders,
                    freed, removedCollections);
        }
        return report;
    }

    /** The collections a model of this id may have made, whatever its type. */
    static List<String> collectionsOf(String id) {
        String base = ModelRegistry.collection(id);
        return List.of(base, base + "-" + HybridModelType.SPARSE, base + "-" + HybridModelType.DENSE);
    }

    private List<String> modelCollections() {
        try {
            return store.collections().stream().filter(c -> c.startsWith(PREFIX)).toList();
        } catch (RuntimeException e) {
            // A remote store that does not answer (or cannot list): the folders were still swept; next time then.
            LOG.warnf("Could not list the vector collections to find leftovers: %s", e.toString());
            return List.of();
        }
    }

    /**
     * True when a saved model or a running fit may own {@code collection}: {@code model-<id>} is its id's; a
     * {@code -sparse}/{@code -dense} suffix may also be a hybrid model's part (an id may itself end so).
     */
    private boolean owned(String collection) {
        String rest = collection.substring(PREFIX.length());
        if (claimed(rest, false)) {
            return true;
        }
        for (String part : List.of(HybridModelType.SPARSE, HybridModelType.DENSE)) {
            String suffix = "-" + part;
            if (rest.endsWith(suffix) && claimed(rest.substring(0, rest.length() - suffix.length()), true)) {
                return true;
            }
        }
        return false;
    }

    private boolean claimed(String id, boolean asHybridPart) {
        if (!ModelFolders.MODEL_ID.matcher(id).matches()) {
            return false;
        }
        if (fitting.test(id)) {
            return true;
        }
        Optional<SavedModel> saved;
        try {
            saved = folders.find(id);
        } catch (ProblemException e) {
            return true; // a damaged model is not a leftover: keep what may be its vectors
        }
        return saved.isPresent() && (!asHybridPart || HybridModelType.TYPE.equals(saved.get().modelType()));
    }
}
