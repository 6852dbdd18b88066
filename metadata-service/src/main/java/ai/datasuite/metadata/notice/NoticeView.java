package ai.datasuite.metadata.notice;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notice as the API returns it. */
@Schema(name = "Notice")
public record NoticeView(String id, String title, String body, String author, Instant createdAt) {

    static NoticeView of(Notice notice) {
        return new NoticeView(notice.getId(), notice.getTitle(), notice.getBody(), notice.getAuthor(),
                notice.getCreatedAt());
    }
}
