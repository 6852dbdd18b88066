package ai.datasuite.gateway.snapshot;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeTaskFiles;
import ai.datasuite.gateway.support.FakeTaskImports;

/** ingest's uploads and metadata's task import and match, plugged into a set of fake services once. */
record SnapshotFakes(FakeTaskFiles files, FakeTaskImports tasks) {

    private static final Map<FakeServices, SnapshotFakes> PLUGGED = Collections.synchronizedMap(new WeakHashMap<>());

    static SnapshotFakes plug(FakeServices fakes) {
        return PLUGGED.computeIfAbsent(fakes, f -> {
            FakeTaskFiles files = new FakeTaskFiles();
            FakeTaskImports tasks = new FakeTaskImports(files);
            f.get(Upstream.INGEST).serve(FakeTaskFiles.PREFIX, files);
            f.get(Upstream.METADATA).serve(FakeTaskImports.IMPORT, tasks).serve(FakeTaskImports.MATCH, tasks);
            return new SnapshotFakes(files, tasks);
        });
    }
}
