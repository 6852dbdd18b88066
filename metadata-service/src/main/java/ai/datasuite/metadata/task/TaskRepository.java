package ai.datasuite.metadata.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, String> {

    // Keeps IN lists well under every vendor's bind-parameter limit (SQL Server: 2100).
    private static final int IN_CHUNK = 1000;

    public List<Task> findByTaskIds(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<Task> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            found.addAll(list("taskId in ?1", chunk));
        }
        return found;
    }
}
