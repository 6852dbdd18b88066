package ai.datasuite.metadata.notice;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class NoticeRepository implements PanacheRepositoryBase<Notice, String> {
}
