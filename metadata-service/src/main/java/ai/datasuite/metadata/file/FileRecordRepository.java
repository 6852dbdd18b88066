package ai.datasuite.metadata.file;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FileRecordRepository implements PanacheRepositoryBase<FileRecord, String> {

    public Optional<FileRecord> findByOwnerAndSha256(String ownerId, String sha256) {
        return find("ownerId = ?1 and sha256 = ?2", ownerId, sha256).firstResultOptional();
    }

    public List<FileRecord> findByOwner(String ownerId) {
        return ownerId == null ? listAll() : list("ownerId", ownerId);
    }

    /** The given keys that some file in the bucket uses as its object or text key. */
    public List<String> referencedKeys(String bucket, Collection<String> keys) {
        List<String> objectKeys = getEntityManager()
                .createQuery("select f.objectKey from FileRecord f where f.bucket = :bucket and f.objectKey in :keys",
                        String.class)
                .setParameter("bucket", bucket)
                .setParameter("keys", keys)
                .getResultList();
        List<String> textKeys = getEntityManager()
                .createQuery("select f.textKey from FileRecord f where f.bucket = :bucket and f.textKey in :keys",
                        String.class)
                .setParameter("bucket", bucket)
                .setParameter("keys", keys)
                .getResultList();
        objectKeys.addAll(textKeys);
        return objectKeys;
    }
}
