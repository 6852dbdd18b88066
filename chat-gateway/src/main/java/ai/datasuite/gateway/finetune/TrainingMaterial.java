package ai.datasuite.gateway.finetune;

import java.util.function.DoubleConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.gateway.client.FineTuneDatasetsClient;
import ai.datasuite.gateway.client.FineTuneDatasetsClient.Dataset;
import ai.datasuite.gateway.client.FineTuneDatasetsClient.DatasetPage;
import ai.datasuite.gateway.client.FineTuneDatasetsClient.Row;
import ai.datasuite.gateway.client.FineTuneDatasetsClient.RowPage;
import ai.datasuite.gateway.client.MetadataFineTuneClient;
import ai.datasuite.gateway.client.MetadataFineTuneClient.RatedTurn;
import ai.datasuite.gateway.client.MetadataFineTuneClient.RatedTurnPage;
import ai.datasuite.gateway.config.FineTuneConfig;

/**
 * Collects one owner's training material, asked with the owner's own identity so the services' owner rules decide
 * what is theirs: the rows of their Q&A datasets (retrieval-service), then the chat answers they rated up
 * (metadata-service), page by page until {@code gateway.fine-tune.max-examples}.
 */
@ApplicationScoped
public class TrainingMaterial {

    /** Chat answers rated at least this (a thumbs-up) are training material. */
    static final int MIN_RATING = 1;

    private final FineTuneDatasetsClient datasets;
    private final MetadataFineTuneClient metadata;
    private final FineTuneConfig config;
    private final ObjectMapper json;

    public TrainingMaterial(FineTuneDatasetsClient datasets, MetadataFineTuneClient metadata, FineTuneConfig config,
                            ObjectMapper json) {
        this.datasets = datasets;
        this.metadata = metadata;
        this.config = config;
        this.json = json;
    }

    /** The owner's training set; {@code progress} hears the share of datasets read (0..1). */
    public TrainingSet collect(String owner, String authorization, DoubleConsumer progress) {
        TrainingSet set = new TrainingSet(json, config.systemPrompt(), config.maxExamples());
        int size = config.pageSize();
        int page = 0;
        long read = 0;
        DatasetPage datasetPage;
        do {
            datasetPage = datasets.list(owner, page++, size, authorization);
            for (Dataset dataset : datasetPage.all()) {
                if (!owner.equals(dataset.owner()) && dataset.owner() != null) {
                    continue; // only the owner's own, whatever the listing answers
                }
                if (!addRows(set, dataset.id(), authorization)) {
                    return addRated(set, owner, authorization);
                }
                progress.accept(Math.min(1.0, ++read / (double) Math.max(1, datasetPage.total())));
            }
        } while (!datasetPage.all().isEmpty() && (long) page * size < datasetPage.total());
        return addRated(set, owner, authorization);
    }

    /** False once the set is full. */
    private boolean addRows(TrainingSet set, String datasetId, String authorization) {
        int size = config.pageSize();
        int page = 0;
        RowPage rows;
        do {
            rows = datasets.rows(datasetId, page++, size, authorization);
            for (Row row : rows.all()) {
                if (!set.addRow(row.context(), row.question(), row.answer())) {
                    return false;
                }
            }
        } while (!rows.all().isEmpty() && (long) page * size < rows.total());
        return true;
    }

    private TrainingSet addRated(TrainingSet set, String owner, String authorization) {
        int size = config.pageSize();
        int page = 0;
        RatedTurnPage turns;
        do {
            if (set.full()) {
                return set;
            }
            turns = metadata.rated(owner, MIN_RATING, page++, size, authorization);
            for (RatedTurn turn : turns.all()) {
                if (!set.addRatedTurn(turn.question(), turn.answer())) {
                    return set;
                }
            }
        } while (!turns.all().isEmpty() && (long) page * size < turns.total());
        return set;
    }
}
