package ai.datasuite.inference.job;

import ai.datasuite.identity.Caller;

/**
 * Who starts or looks at jobs, as the verified caller says: a job belongs to whoever started it; a user sees only
 * their own, an admin (or another service of the suite) everyone's. Scheduled runs belong to this service.
 */
public record JobViewer(String id, boolean seesAll) {

    public static JobViewer of(Caller caller) {
        return new JobViewer(caller.id(), caller.isAdmin());
    }

    public boolean canSee(String owner) {
        return seesAll || id.equals(owner);
    }
}
