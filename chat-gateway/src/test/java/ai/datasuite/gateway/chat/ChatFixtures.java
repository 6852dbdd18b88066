package ai.datasuite.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeChatSearch;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.Gateway;

/** Two users with keys, a document each and a notice for everyone, plugged into the fake services. */
final class ChatFixtures {

    static final String LIBRARY = "The library is closed on public holidays. It opens at nine on Sundays."
            + " Parking is free for members.";
    static final String VAULT = "The vault code of the archive is 4711. Only Bob knows it.";
    static final String FESTIVAL = "The summer festival starts on July 5th in the town square.";

    final FakeChatSearch search;
    final String alice;
    final String bob;

    private ChatFixtures(FakeChatSearch search, String alice, String bob) {
        this.search = search;
        this.alice = alice;
        this.bob = bob;
    }

    /** Fresh keys for users named after {@code tag} (tests of one app share the fakes) and their chunks. */
    static ChatFixtures seed(FakeServices fakes, String tag) {
        FakeChatSearch search = FakeChatSearch.plug(fakes).clear();
        String alice = ApiKeys.generate();
        String bob = ApiKeys.generate();
        fakes.keys.seed(alice, "alice-" + tag, "user");
        fakes.keys.seed(bob, "bob-" + tag, "user");
        search.add("alice-" + tag, "f-library-" + tag, 0, LIBRARY)
                .add("bob-" + tag, "f-vault-" + tag, 0, VAULT)
                .add("_public", "notice:n-" + tag, 0, FESTIVAL);
        return new ChatFixtures(search, alice, bob);
    }

    static ExtractableResponse<Response> chat(String key, Map<String, Object> body) {
        return Gateway.withKey(key).contentType(ContentType.JSON).body(body).post("/api/chat").then().extract();
    }

    /** A server-sent event as the client reads it. */
    record Event(String name, String data) {

        JsonObject object() {
            return new JsonObject(data);
        }

        JsonArray array() {
            return new JsonArray(data);
        }
    }

    /** The events of an SSE body, in order. */
    static List<Event> events(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            if (name != null) {
                events.add(new Event(name, data.toString()));
            }
        }
        return events;
    }

    /** The text of the token events joined. */
    static String tokens(List<Event> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.name().equals("token")).forEach(e -> text.append(e.object().getString("text")));
        return text.toString();
    }

    /** The names of the events with runs of tokens collapsed: e.g. [token, citations, done]. */
    static List<String> shape(List<Event> events) {
        List<String> shape = new ArrayList<>();
        for (Event e : events) {
            if (shape.isEmpty() || !shape.get(shape.size() - 1).equals(e.name()) || !e.name().equals("token")) {
                shape.add(e.name());
            }
        }
        return shape;
    }
}
