package ai.datasuite.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * retrieval-service with the rest of the suite, as users run it: a Q&A dataset uploaded to retrieval-service is stored
 * through ingest-service (S3Proxy) and catalogued in metadata-service; models fitted on it find a question's context;
 * removing the models and the file ends them in every service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetFlowSystemTest {

    static final Path SQUAD = Path.of("..", "datasets", "squad-v1.1-dev");
    /** Distinct contexts from the start of each SQuAD part (articles Super Bowl 50, Apollo, private schools). */
    static final int CONTEXTS_PER_PART = 4;
    /**
     * SQuAD ids of one question per article whose own paragraph both models rank first, by a clear margin: "Which
     * Carolina Panthers player was named Most Valuable Player?", "What project put the first Americans into space?",
     * "Along with sport and art, what is a type of talent scholarship?".
     */
    static final List<String> QUESTION_IDS = List.of("56be4e1facb8001400a502f6", "5725b41838643c19005acb7f",
            "572746addd62a815002e9a5f");
    /** Two fast model types (an embedding model would take minutes), one with defaults, one with a parameter. */
    static final Model BM25 = new Model("flow-bm25", "bm25", Map.of());
    static final Model TFIDF = new Model("flow-tfidf", "tfidf", Map.of("stop_words", "english"));

    static RunningSuite suite;
    static String retrieval;
    static Cut cut;
    static String owner;
    static String datasetId;
    static String fileId;

    @BeforeAll
    static void start() throws Exception {
        cut = Cut.of(SQUAD, CONTEXTS_PER_PART, QUESTION_IDS);
        owner = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        suite = new RunningSuite();
        retrieval = suite.startRetrieval();
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void uploadIsStoredThroughIngestAndCataloguedInMetadata() throws NoSuchAlgorithmException {
        Response upload = given().multiPart("file", "squad-dev-cut.csv", cut.csv(), "text/csv")
                .multiPart("name", "SQuAD dev cut").multiPart("owner", owner).multiPart("extra_columns", "ignore")
                .post(retrieval + "/api/v1/datasets");
        assertEquals(201, upload.statusCode(), upload.asString());
        JsonPath dataset = upload.jsonPath();
        datasetId = dataset.getString("id");
        fileId = dataset.getString("file_id");
        assertEquals(cut.rows(), dataset.getInt("rows"));
        assertEquals(cut.contexts().size(), dataset.getInt("distinct_contexts"));
        assertEquals(cut.header(), dataset.getList("columns"));
        assertEquals(cut.header().subList(3, cut.header().size()), dataset.getList("ignored_columns"));
        assertEquals(owner, dataset.getString("owner"));

        // ingest-service holds the very bytes, under the dataset's owner.
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cut.csv()));
        given().get(suite.ingest() + "/api/v1/files/{id}", fileId).then().statusCode(200)
                .body("owner_id", equalTo(owner))
                .body("sha256", equalTo(sha256))
                .body("size_bytes", equalTo(cut.csv().length))
                .body("media_type", equalTo("text/csv"));
        byte[] stored = given().get(suite.ingest() + "/api/v1/files/{id}/content", fileId).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(cut.csv(), stored, "ingest-service gives back the uploaded bytes");

        // metadata-service catalogues the dataset against that file, and retrieval-service lists it from there.
        given().queryParam("file_id", fileId).get(suite.metadata() + "/api/v1/datasets").then().statusCode(200)
                .body("id", contains(datasetId))
                .body("[0].file_id", equalTo(fileId))
                .body("[0].owner", equalTo(owner))
                .body("[0].rows", equalTo(cut.rows()))
                .body("[0].distinct_contexts", equalTo(cut.contexts().size()));
        given().get(retrieval + "/api/v1/models/get_datasets").then().statusCode(200)
                .body("id", hasItem(datasetId));
    }

    @Test
    @Order(2)
    void fittedModelsRankTheQuestionsOwnContextFirst() {
        assertNotNull(datasetId, "needs the dataset uploaded by the first step");
        for (Model model : List.of(BM25, TFIDF)) {
            JsonPath fitted = given().contentType(ContentType.JSON)
                    .body(Map.of("dataset_id", datasetId, "model_type", model.type(), "model_id", model.id(),
                            "params", model.params()))
                    .post(retrieval + "/api/v1/models/fit_save")
                    .then().statusCode(200)
                    .body("model_id", equalTo(model.id()))
                    .body("model_type", equalTo(model.type()))
                    .body("dataset_id", equalTo(datasetId))
                    .body("contexts", equalTo(cut.contexts().size()))
                    .extract().jsonPath();
            model.params().forEach((key, value) -> assertEquals(value, fitted.get("params." + key), key));
            for (Question question : cut.questions()) {
                JsonPath found = given().contentType(ContentType.JSON)
                        .body(Map.of("model_id", model.id(), "question", question.text(), "top_k", 3))
                        .post(retrieval + "/api/v1/models/find_context")
                        .then().statusCode(200).extract().jsonPath();
                assertFalse(found.getList("results").isEmpty(), model.id() + ": " + found.prettify());
                assertEquals(question.contextId(), found.getInt("results[0].context_id"),
                        model.id() + ", \"" + question.text() + "\": " + found.prettify());
                assertEquals(cut.contexts().get(question.contextId()), found.getString("results[0].context"),
                        model.id());
            }
        }
    }

    @Test
    @Order(3)
    void removingModelsAndTheFileEndsTheDatasetEverywhere() {
        assertNotNull(fileId, "needs the dataset uploaded by the first step");
        given().delete(retrieval + "/api/v1/models/remove/{id}", BM25.id()).then().statusCode(200)
                .body("removed", contains(BM25.id()));
        given().contentType(ContentType.JSON)
                .body(Map.of("model_id", BM25.id(), "question", cut.questions().get(0).text()))
                .post(retrieval + "/api/v1/models/find_context").then().statusCode(404);

        // remove_all is an admin call: refused without an identity and for a plain user; an admin's works.
        TestIdentity.anonymous().delete(retrieval + "/api/v1/models/remove_all").then().statusCode(401);
        TestIdentity.as("someone", "user").delete(retrieval + "/api/v1/models/remove_all").then().statusCode(403);
        given().delete(retrieval + "/api/v1/models/remove_all").then().statusCode(200)
                .body("removed", contains(TFIDF.id()));
        given().get(retrieval + "/api/v1/models/list_model").then().statusCode(200).body("$", empty());

        // Deleting the stored file through ingest-service removes its catalogue entry, so no service has it any more.
        given().delete(suite.ingest() + "/api/v1/files/{id}", fileId).then().statusCode(204);
        given().get(suite.metadata() + "/api/v1/datasets/{id}", datasetId).then().statusCode(404);
        given().queryParam("file_id", fileId).get(suite.metadata() + "/api/v1/datasets").then().statusCode(200)
                .body("$", hasSize(0));
        given().get(retrieval + "/api/v1/datasets/{id}", datasetId).then().statusCode(404);
        given().get(retrieval + "/api/v1/models/get_datasets").then().statusCode(200)
                .body("id", not(hasItem(datasetId)));
        given().contentType(ContentType.JSON)
                .body(Map.of("dataset_id", datasetId, "model_type", "bm25", "model_id", "flow-after-delete"))
                .post(retrieval + "/api/v1/models/fit_save").then().statusCode(404);
    }

    /** A model to fit on the dataset. */
    record Model(String id, String type, Map<String, Object> params) {
    }

    /** A question of the cut and the index of its context among the cut's distinct contexts. */
    record Question(String text, int contextId) {
    }

    /**
     * The CSV uploaded: every row of the first {@code contextsPerPart} distinct contexts of each SQuAD part, with the
     * parts' own columns, and the questions to ask (by SQuAD id) with their contexts' ids.
     */
    record Cut(byte[] csv, List<String> header, int rows, List<String> contexts, List<Question> questions) {

        static Cut of(Path squad, int contextsPerPart, List<String> questionIds) throws IOException {
            List<Path> parts;
            try (var files = Files.list(squad)) {
                parts = files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
            }
            assertEquals(3, parts.size(), "the three SQuAD dev parts in " + squad.toAbsolutePath().normalize());
            CSVFormat read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<String> header = null;
            List<String> contexts = new ArrayList<>();
            List<Question> questions = new ArrayList<>();
            int rows = 0;
            try (CSVPrinter out = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180)) {
                for (Path part : parts) {
                    try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8);
                         CSVParser parser = read.parse(in)) {
                        if (header == null) {
                            header = parser.getHeaderNames();
                            assertEquals(List.of("context", "question", "answer"), header.subList(0, 3));
                            out.printRecord(header);
                        }
                        assertEquals(header, parser.getHeaderNames(), part.toString());
                        int first = contexts.size();
                        for (CSVRecord record : parser) {
                            String context = record.get("context").trim();
                            if (!contexts.contains(context)) {
                                if (contexts.size() - first == contextsPerPart) {
                                    break;
                                }
                                contexts.add(context);
                            }
                            if (questionIds.contains(record.get("id"))) {
                                questions.add(new Question(record.get("question"), contexts.indexOf(context)));
                            }
                            out.printRecord(record.values());
                            rows++;
                        }
                    }
                }
            }
            assertEquals(3 * contextsPerPart, contexts.size());
            assertEquals(questionIds.size(), questions.size(), "the questions are in the cut: " + questions);
            assertTrue(rows > contexts.size(), "several questions per context: " + rows);
            return new Cut(bytes.toByteArray(), header, rows, List.copyOf(contexts), List.copyOf(questions));
        }
    }
}
