package ai.datasuite.ingest.file;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Named points between the steps that must survive a crash. Production does nothing here; tests replace this bean
 * with one that "crashes" (throws past every clean-up) at a chosen point, to prove what a real crash leaves behind.
 */
@ApplicationScoped
public class FaultPoints {

    public enum Point {
        /** The object and its text are in S3, the row is not yet committed. */
        AFTER_OBJECTS_WRITTEN,
        /** The row is deleted, the objects are not yet. */
        AFTER_ROW_DELETED
    }

    public void reached(Point point) {
        // no faults in production
    }
}
