package ai.datasuite.ingest.client;

import java.util.List;

/** One page of file records from metadata-service. */
public record RemotePage(List<RemoteFile> items, int page, int size, long total) {
}
