package ai.datasuite.retrieval.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.dataset.DatasetSource;
import ai.datasuite.retrieval.dataset.QaDataset;

/**
 * Test-only datasets read straight from the shared SQuAD CSVs: {@code squad} (all) and {@code squad-small} (the
 * first 60 contexts), so model tests need neither uploads nor metadata/ingest. Everyone may read them (owner rules
 * of datasets are tested against the fakes of ingest and metadata). Enabled only by the profiles that list it in
 * {@code getEnabledAlternatives()} (no {@code @Priority}: that would enable it for every test).
 */
@Alternative
@ApplicationScoped
public class SquadDatasetSource implements DatasetSource {

    private volatile QaDataset small;

    @Override
    public QaDataset get(String datasetId) {
        if (SquadData.FULL.equals(datasetId)) {
            return SquadData.full();
        }
        if (SquadData.SMALL.equals(datasetId)) {
            if (small == null) {
                small = SquadData.first(SquadData.SMALL, 60);
            }
            return small;
        }
        throw ProblemException.notFound("No dataset '" + datasetId + "'");
    }

    @Override
    public QaDataset getForModel(String datasetId) {
        return get(datasetId);
    }
}
