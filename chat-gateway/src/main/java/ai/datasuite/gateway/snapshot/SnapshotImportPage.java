package ai.datasuite.gateway.snapshot;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SnapshotImportPage", description = "One page of the caller's snapshot imports, newest first")
public record SnapshotImportPage(List<SnapshotImportView> items, int page, int size, long total) {
}
