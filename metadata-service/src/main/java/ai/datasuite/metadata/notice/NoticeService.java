package ai.datasuite.metadata.notice;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;

/** The notice board: admins post and delete (the resource checks the role), everyone reads. */
@ApplicationScoped
@Transactional
public class NoticeService {

    private final NoticeRepository notices;

    public NoticeService(NoticeRepository notices) {
        this.notices = notices;
    }

    public NoticeView create(NoticeCreateRequest request, String author) {
        Notice notice = new Notice();
        notice.setId(UUID.randomUUID().toString());
        notice.setTitle(request.title());
        notice.setBody(request.body());
        notice.setAuthor(author);
        notice.setCreatedAt(Persistence.now());
        notices.persist(notice);
        return NoticeView.of(notice);
    }

    /** Newest first (created_at desc, then id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<NoticeView> list(int page, int size) {
        PanacheQuery<Notice> found = notices.findAll(Sort.descending("createdAt").and("id", Sort.Direction.Descending));
        List<NoticeView> items = found.page(Persistence.page(page, size)).list().stream().map(NoticeView::of).toList();
        return new PageView<>(items, page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NoticeView> find(String id) {
        return notices.findByIdOptional(id.toLowerCase(Locale.ROOT)).map(NoticeView::of);
    }

    /** False when no notice has this id. */
    public boolean delete(String id) {
        return notices.deleteById(id.toLowerCase(Locale.ROOT));
    }
}
