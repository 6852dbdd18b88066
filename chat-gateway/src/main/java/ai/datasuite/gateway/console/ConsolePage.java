package ai.datasuite.gateway.console;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.quarkus.qute.TemplateData;

/**
 * The web console's pages: their path, the title in the navigation and the roles that see them. The pages hold no
 * data: the browser signs in with an API key kept in its session storage and every page reads and writes through the
 * public API with it, exactly as curl does, so a page can show nothing its user could not fetch.
 */
@TemplateData
public enum ConsolePage {
    CHAT("chat", "Chat", "user annotator admin"),
    FILES("files", "My files", "user annotator admin"),
    NOTICES("notices", "Notices", "user annotator admin"),
    COMMENTS("comments", "Comments", "user annotator admin"),
    LABEL("label", "Label", "annotator admin"),
    STATISTICS("statistics", "Statistics", "user annotator admin"),
    QA("qa", "Q&A search", "user annotator admin"),
    TASKS("tasks", "Tasks", "user annotator admin"),
    PRODUCTS("products", "Products", "user annotator admin");

    private final String path;
    private final String title;
    private final String roles;

    ConsolePage(String path, String title, String roles) {
        this.path = path;
        this.title = title;
        this.roles = roles;
    }

    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    /** Space-separated roles, read by the page script to show only the pages the signed-in role may use. */
    public String roles() {
        return roles;
    }

    public static List<ConsolePage> all() {
        return List.of(values());
    }

    public static Optional<ConsolePage> byPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }
}
