package ai.datasuite.ingest.file;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.ingest.client.RemotePage;

/** One page of the file list, newest first. */
@Schema(name = "FilePage", description = "One page of files, newest first")
public record FilePage(List<FileView> items, int page, int size, long total) {

    static FilePage of(RemotePage page) {
        List<FileView> items = page.items() == null ? List.of() : page.items().stream().map(FileView::of).toList();
        return new FilePage(items, page.page(), page.size(), page.total());
    }
}
