package ai.datasuite.testsupport.openapi;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a hand-written fake of a provider holds: it checks every request it receives and every answer it sends against
 * the provider's committed contract, and keeps the violations (also printed to stderr, so that a test failing for
 * another reason still shows them). The fake's answers themselves are never altered. A consumer's contract test drives
 * the fake and asserts {@link #assertNone()} (or {@link #assertOnly(Set)}) and {@link #assertUnchecked(Set)}.
 */
public final class ContractRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String fake;
    private final OpenApiContract contract;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Set<String> unchecked = new ConcurrentSkipListSet<>();

    public ContractRecorder(String fake, OpenApiContract contract) {
        this.fake = fake;
        this.contract = contract;
    }

    /** A recorder for the committed contract of {@code provider} (contracts/&lt;provider&gt;.openapi.json). */
    public static ContractRecorder of(String fake, String provider) {
        return new ContractRecorder(fake, OpenApiContract.of(provider));
    }

    public OpenApiContract contract() {
        return contract;
    }

    /**
     * Checks an answer; {@code body} is its JSON (a Map, a list, a JsonNode... anything Jackson writes), null for
     * none or for a body of another media type.
     */
    public void answer(String method, String path, int status, String mediaType, Object body) {
        OpenApiContract.Verdict verdict = contract.checkAnswer(method, path, status, mediaType, tree(body));
        record(verdict.violations());
        unchecked.addAll(verdict.unchecked());
    }

    /** Checks a request; for multipart/form-data, {@code body} holds the form's JSON parts by name. */
    public void request(String method, String path, String mediaType, Object body) {
        record(contract.requestViolations(method, path, mediaType, tree(body)));
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Answers with a JSON body the provider's document gives no schema for ("METHOD /template -> status type"). */
    public Set<String> unchecked() {
        return new TreeSet<>(unchecked);
    }

    public void clear() {
        violations.clear();
        unchecked.clear();
    }

    /** Fails with every violation recorded since the last {@link #clear()}. */
    public void assertNone() {
        if (!violations.isEmpty()) {
            throw new AssertionError(fake + " left " + contract.name() + "'s contract " + violations.size()
                    + " time(s):\n  " + String.join("\n  ", violations));
        }
    }

    /**
     * Fails unless the distinct violations are exactly {@code known}: violations that come from a defect of the
     * provider's document rather than of the fake (a schema that does not say what the provider really takes or
     * gives), listed until the provider is fixed. A new violation fails, and so does a known one that is gone.
     */
    public void assertOnly(Set<String> known) {
        ratchet(new TreeSet<>(violations), known,
                fake + " left " + contract.name() + "'s contract",
                "These violations are gone; remove them from the known ones");
    }

    /**
     * Fails unless the answers left unchecked (no schema in the provider's document) are exactly {@code known}: a new
     * gap must be looked at, and a closed one must leave the list, so that the list only shrinks.
     */
    public void assertUnchecked(Set<String> known) {
        ratchet(unchecked(), known,
                contract.name() + "'s document gives no schema for these answers of " + fake
                        + " (document them in the provider, or list them as known gaps)",
                "These answers are checked against a schema now; remove them from the known gaps");
    }

    private static void ratchet(Set<String> now, Set<String> known, String openedTitle, String closedTitle) {
        Set<String> closed = new TreeSet<>(known);
        closed.removeAll(now);
        Set<String> opened = new TreeSet<>(now);
        opened.removeAll(known);
        StringBuilder message = new StringBuilder();
        if (!opened.isEmpty()) {
            message.append("\n").append(openedTitle).append(":\n  ").append(String.join("\n  ", opened));
        }
        if (!closed.isEmpty()) {
            message.append("\n").append(closedTitle).append(":\n  ").append(String.join("\n  ", closed));
        }
        if (!message.isEmpty()) {
            throw new AssertionError(message.substring(1));
        }
    }

    private void record(List<String> found) {
        for (String violation : found) {
            violations.add(violation);
            System.err.println("CONTRACT " + fake + " vs " + contract.name() + ": " + violation);
        }
    }

    private static JsonNode tree(Object body) {
        return body == null ? null : body instanceof JsonNode node ? node : JSON.valueToTree(body);
    }
}
