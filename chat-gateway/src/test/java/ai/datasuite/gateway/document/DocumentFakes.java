package ai.datasuite.gateway.document;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.support.FakeIngestFiles;
import ai.datasuite.gateway.support.FakeMetadataRecords;
import ai.datasuite.gateway.support.FakeRetrievalIndex;
import ai.datasuite.gateway.support.FakeServices;

/** The stateful fakes of uploads, documents and notices, plugged into a set of fake services once. */
public record DocumentFakes(FakeIngestFiles files, FakeRetrievalIndex index, FakeMetadataRecords records) {

    private static final Map<FakeServices, DocumentFakes> PLUGGED = Collections.synchronizedMap(new WeakHashMap<>());

    public static DocumentFakes plug(FakeServices fakes) {
        return PLUGGED.computeIfAbsent(fakes, f -> {
            DocumentFakes plugged = new DocumentFakes(new FakeIngestFiles(), new FakeRetrievalIndex(),
                    new FakeMetadataRecords());
            f.get(Upstream.INGEST).serve(FakeIngestFiles.PREFIX, plugged.files());
            f.get(Upstream.RETRIEVAL).serve(FakeRetrievalIndex.PREFIX, plugged.index());
            f.get(Upstream.METADATA).serve(FakeMetadataRecords.DOCUMENTS, plugged.records())
                    .serve(FakeMetadataRecords.NOTICES, plugged.records());
            return plugged;
        });
    }
}
