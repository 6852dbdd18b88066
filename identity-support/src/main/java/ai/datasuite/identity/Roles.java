package ai.datasuite.identity;

import java.util.Set;

/** The roles a verified identity carries (its token's one "groups" entry). */
public final class Roles {

    /** Sees and changes only their own data. */
    public static final String USER = "user";
    /** A user who also labels comments and edits task steps. */
    public static final String ANNOTATOR = "annotator";
    /** Sees and changes everyone's data, manages keys and models. */
    public static final String ADMIN = "admin";
    /** Another service of the suite acting on its own behalf (background jobs, the reconciler, key checks). */
    public static final String SERVICE = "service";

    /** The roles an API key may carry (service identities are never handed to people). */
    public static final Set<String> PEOPLE = Set.of(USER, ANNOTATOR, ADMIN);

    private Roles() {
    }
}
