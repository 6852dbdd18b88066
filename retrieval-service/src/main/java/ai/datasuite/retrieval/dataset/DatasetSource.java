package ai.datasuite.retrieval.dataset;

import ai.datasuite.problem.ProblemException;

/** Where models read datasets from (the dataset catalog implements it). */
public interface DatasetSource {

    /** The dataset; throws {@link ProblemException} 404 when there is no such dataset. */
    QaDataset get(String datasetId);
}
