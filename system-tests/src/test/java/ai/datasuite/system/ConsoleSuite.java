package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suite the console's browser tests drive: started once for all of them (the packaged services on embedded
 * defaults with chat-gateway in front, as `./suite start` runs them), or an already running gateway named by
 * {@code -Dconsole.url} with its bootstrap admin key in {@code -Dconsole.admin-key} (to try a page quickly).
 */
final class ConsoleSuite implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Makes the names of this run's users unique, so that a suite reused across runs keeps them apart. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    final String url;
    final String adminKey;
    final SuiteHttp http = new SuiteHttp(Duration.ofSeconds(180));
    private final RunningSuite suite;

    private ConsoleSuite(String url, String adminKey, RunningSuite suite) {
        this.url = url;
        this.adminKey = adminKey;
        this.suite = suite;
    }

    static ConsoleSuite start() throws Exception {
        String external = System.getProperty("console.url");
        if (external != null && !external.isBlank()) {
            return new ConsoleSuite(external.replaceAll("/$", ""), System.getProperty("console.admin-key"), null);
        }
        String adminKey = "ads_admin_" + UUID.randomUUID().toString().replace("-", "");
        RunningSuite suite = new RunningSuite();
        try {
            return new ConsoleSuite(suite.startFront(adminKey, 16, List.of()).gateway(), adminKey, suite);
        } catch (Exception | Error e) {
            suite.close();
            throw e;
        }
    }

    /** A new key for {@code user-<run>} with the role; returns the key (shown once). */
    String key(String user, String role) throws Exception {
        SuiteHttp.Answer created = http.postJson(http.withKey(adminKey, url + "/api/v1/keys"),
                JSON.writeValueAsString(Map.of("user_id", user(user), "role", role)));
        assertEquals(201, created.status(), created.text());
        return JSON.readTree(created.body()).path("key").asText();
    }

    /** The user id this run gives the name. */
    static String user(String name) {
        return name + "-" + RUN;
    }

    @Override
    public void close() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }
}
