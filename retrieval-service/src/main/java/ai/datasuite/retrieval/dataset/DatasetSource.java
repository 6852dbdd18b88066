package ai.datasuite.retrieval.dataset;

import ai.datasuite.problem.ProblemException;

/** Where models read datasets from (the dataset catalog implements it). */
public interface DatasetSource {

    /**
     * The dataset, for the current caller: throws {@link ProblemException} 404 when there is no such dataset or the
     * caller may not see it (a fit reads its dataset this way).
     */
    QaDataset get(String datasetId);

    /**
     * The dataset a saved model was fitted on, whoever calls: models are shared, so their quality test and benchmark
     * read it on the model's behalf (they answer figures, never rows); 404 when it is gone.
     */
    QaDataset getForModel(String datasetId);
}
