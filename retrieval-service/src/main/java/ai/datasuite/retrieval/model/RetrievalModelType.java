package ai.datasuite.retrieval.model;

import java.nio.file.Path;
import java.util.Map;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.vectorindex.VectorStore;

/**
 * A kind of retrieval model ({@code tfidf}, {@code bm25}, {@code embedding}, {@code hybrid}): a CDI bean
 * ({@code @ApplicationScoped}) that the model registry finds by {@link #type()}. The registry owns the model folder
 * and the vector collection; the type owns what goes inside them.
 */
interface RetrievalModelType {

    /**
     * Where one model keeps its state: a folder of its own (created by the registry, which writes its own
     * {@code model.json} there; other file names are free) and a {@link VectorStore} collection (not yet created).
     * A composite model (hybrid) gives each part a {@link #child} storage.
     */
    record Storage(Path dir, String collection, VectorStore store) {

        /** A sub-storage: folder {@code dir/name} (create it before use) and collection {@code collection-name}. */
        public Storage child(String name) {
            return new Storage(dir.resolve(name), collection + "-" + name, store);
        }
    }

    /** The {@code model_type} value this bean handles (lower case). */
    String type();

    /** Other spellings of a {@code model_type}: the product's earlier API wrote {@code tf-idf}. */
    Map<String, String> ALIASES = Map.of("tf-idf", TfidfModelType.TYPE);

    /** {@code name} with an alias replaced by the type it names ({@code tf-idf} → {@code tfidf}). */
    static String canonical(String name) {
        return name == null ? null : ALIASES.getOrDefault(name, name);
    }

    /**
     * Checks {@code params} (JSON values: String, Number, Boolean, List, Map; may be empty) and returns them complete,
     * defaults filled in, in a stable order; this is what is saved and shown. Unknown keys and bad values throw
     * {@link ProblemException#validation} 400 naming the parameter and the allowed values or range (extension
     * {@code param}).
     */
    Map<String, Object> validate(Map<String, Object> params);

    /** Fits on {@code dataset}'s distinct contexts with validated {@code params}, persists into {@code storage}. */
    RetrievalModel fit(QaDataset dataset, Map<String, Object> params, Storage storage);

    /** Loads a model fitted by {@link #fit} with the same validated {@code params} from {@code storage}. */
    RetrievalModel load(Map<String, Object> params, Storage storage);

    /**
     * Drops what the model put in the vector store (the registry deletes the folder afterwards). A type that uses
     * {@link Storage#child} collections overrides this to drop those too.
     */
    default void delete(Map<String, Object> params, Storage storage) {
        storage.store().dropCollection(storage.collection());
    }
}
