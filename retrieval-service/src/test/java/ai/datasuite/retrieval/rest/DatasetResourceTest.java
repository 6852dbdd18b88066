package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.client.IngestClient;
import ai.datasuite.retrieval.client.MetadataClient;
import ai.datasuite.retrieval.config.DatasetsConfig;
import ai.datasuite.retrieval.dataset.DatasetService;
import ai.datasuite.retrieval.dataset.DatasetSource;
import ai.datasuite.retrieval.dataset.DatasetStore;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.dataset.QaRow;
import ai.datasuite.retrieval.support.DatasetsTestProfile;
import ai.datasuite.retrieval.support.FakeDatasetsMetadata;
import ai.datasuite.retrieval.support.FakeIngest;
import ai.datasuite.testsupport.identity.DefaultTestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestProfile(DatasetsTestProfile.class)
class DatasetResourceTest {

    static final Path SQUAD_PART_1 = Path.of("../datasets/squad-v1.1-dev/squad_v1.1_dev_qa_part1.csv");
    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "urn:ai-data-suite:problem:validation";

    /** Ten rows, six distinct contexts (enough for t-SNE), a field with a comma, quotes and a line break. */
    static final String SMALL = """
            context,question,answer
            "Paris is the capital of France, on the Seine.",What is the capital of France?,Paris
            "Paris is the capital of France, on the Seine.",Which river flows through Paris?,the Seine
            "Berlin is the capital of Germany.
            It is on the Spree.","Which city is ""the capital"" of Germany?",Berlin
            Tokyo is the capital of Japan and its largest city.,What is Japan's capital?,Tokyo
            Mount Everest is the highest mountain above sea level.,What is the highest mountain?,Mount Everest
            The Nile is a major river in northeastern Africa.,Where is the Nile?,northeastern Africa
            The Amazon rainforest covers much of the Amazon basin.,What does the Amazon rainforest cover?,the Amazon basin
            Tokyo is the capital of Japan and its largest city.,Which is Japan's largest city?,Tokyo
            The Nile is a major river in northeastern Africa.,What kind of river is the Nile?,a major river
            Mount Everest is the highest mountain above sea level.,Above what is Everest the highest?,sea level
            """;

    @Inject
    DatasetSource source;
    @Inject
    IngestClient ingest;
    @Inject
    MetadataClient metadata;
    @Inject
    DatasetsConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Instance<Caller> caller;

    @BeforeEach
    void reset() {
        FakeIngest.reset();
        FakeDatasetsMetadata.reset();
    }

    static ValidatableResponse upload(byte[] csv, String fileName, Map<String, String> fields) {
        var request = given().multiPart("file", fileName, csv, "text/csv");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            request = request.multiPart(field.getKey(), field.getValue());
        }
        return request.when().post("/api/v1/datasets").then();
    }

    static String uploadSmall(String name) {
        return upload(SMALL.getBytes(StandardCharsets.UTF_8), "small.csv", Map.of("name", name))
                .statusCode(201).extract().path("id");
    }

    @Test
    void theSharedSquadPartIsStoredCataloguedAndServed() throws IOException {
        byte[] bytes = Files.readAllBytes(SQUAD_PART_1);
        var created = upload(bytes, "squad_v1.1_dev_qa_part1.csv",
                Map.of("name", "SQuAD dev part 1", "extra_columns", "ignore"))
                .statusCode(201)
                .body("name", equalTo("SQuAD dev part 1"))
                .body("rows", equalTo(2880))
                .body("distinct_contexts", equalTo(494))
                .body("columns", contains("context", "question", "answer", "id", "title", "paragraph_index",
                        "all_answers"))
                .body("ignored_columns", contains("id", "title", "paragraph_index", "all_answers"))
                .body("owner", equalTo(DefaultTestIdentity.ADMIN)) // the caller, as no owner was named
                .body("uploaded_at", notNullValue())
                .extract();
        String id = created.path("id");
        UUID.fromString(id);
        assertTrue(created.header("Location").endsWith("/api/v1/datasets/" + id), created.header("Location"));

        // The bytes went to ingest as they were, as a CSV "dataset" of the caller.
        assertEquals(1, FakeIngest.FILES.size());
        FakeIngest.Stored stored = FakeIngest.FILES.values().iterator().next();
        assertArrayEquals(bytes, stored.bytes());
        assertEquals(DefaultTestIdentity.ADMIN, stored.userId());
        assertEquals("dataset", stored.dataType());
        assertEquals("squad_v1.1_dev_qa_part1.csv", stored.fileName());
        assertEquals("text/csv", stored.partContentType());
        // ... and the catalogue points at that file.
        Map<String, Object> catalogued = FakeDatasetsMetadata.DATASETS.get(id);
        assertEquals(stored.id(), catalogued.get("file_id"));
        assertEquals(2880, catalogued.get("rows"));
        assertEquals(494, catalogued.get("distinct_contexts"));
        assertTrue(Files.exists(Path.of(config.dir(), id + ".csv")), "a local copy is kept");

        given().when().get("/api/v1/models/get_datasets")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].name", equalTo("SQuAD dev part 1"))
                .body("[0].rows", equalTo(2880))
                .body("[0].distinct_contexts", equalTo(494))
                .body("[0].uploaded_at", equalTo(catalogued.get("uploaded_at")));
        given().when().get("/api/v1/datasets/{id}", id)
                .then().statusCode(200)
                .body("file_id", equalTo(stored.id()))
                .body("ignored_columns", nullValue());

        QaDataset dataset = source.get(id);
        assertEquals(2880, dataset.rows().size());
        assertEquals(494, dataset.contexts().size());
        QaRow hundredth = dataset.rows().get(99);
        assertEquals(100, hundredth.row());
        assertEquals("Coldplay", hundredth.answer());
        assertEquals(dataset.contexts().get(hundredth.contextIndex()), hundredth.context());
    }

    @Test
    void aFreshInstanceWithoutTheLocalCopyReadsTheFileFromIngest() throws IOException {
        String id = uploadSmall("small");
        Path copy = Path.of(config.dir(), id + ".csv");
        Files.delete(copy);
        // A second service instance has nothing cached, as a freshly started retrieval-service.
        DatasetService fresh = new DatasetService(ingest, metadata, new DatasetStore(config), config, json, caller);
        QaDataset dataset = fresh.get(id);
        assertEquals(10, dataset.rows().size());
        assertEquals(6, dataset.contexts().size());
        assertEquals("Berlin is the capital of Germany.\nIt is on the Spree.", dataset.rows().get(2).context());
        assertEquals("Which city is \"the capital\" of Germany?", dataset.rows().get(2).question());
        assertEquals(List.of(FakeDatasetsMetadata.DATASETS.get(id).get("file_id")), FakeIngest.CONTENT_READS);
        assertTrue(Files.exists(copy), "the local copy is written again");
        fresh.get(id);
        assertEquals(1, FakeIngest.CONTENT_READS.size(), "read once, then served from the copy and the cache");
        assertEquals(source.get(id).rows(), dataset.rows());
    }

    @Test
    void theSameBytesOfTheSameOwnerShareOneStoredFile() {
        byte[] csv = SMALL.getBytes(StandardCharsets.UTF_8);
        String first = upload(csv, "a.csv", Map.of("name", "first", "owner", "alice"))
                .statusCode(201).body("owner", equalTo("alice")).extract().path("file_id");
        String second = upload(csv, "b.csv", Map.of("name", "second", "owner", "alice"))
                .statusCode(201).extract().path("file_id");
        assertEquals(first, second);
        assertEquals(1, FakeIngest.FILES.size());
        assertEquals(2, FakeDatasetsMetadata.DATASETS.size());
        assertEquals("alice", FakeIngest.FILES.get(first).userId());
    }

    @Test
    void whenCataloguingFailsTheUploadedFileAndLocalCopyAreRemoved() throws IOException {
        FakeDatasetsMetadata.FAIL_CREATES.set(true);
        long copiesBefore = localCopies();
        upload(SMALL.getBytes(StandardCharsets.UTF_8), "small.csv", Map.of("name", "small"))
                .statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:metadata-service-unavailable"));
        assertEquals(1, FakeIngest.DELETED.size(), "the file this upload created is deleted again");
        assertTrue(FakeIngest.FILES.isEmpty());
        assertTrue(FakeDatasetsMetadata.DATASETS.isEmpty());
        assertEquals(copiesBefore, localCopies(), "no local copy is left behind");
    }

    @Test
    void whenCataloguingFailsAFileThatWasAlreadyStoredIsKept() {
        byte[] csv = SMALL.getBytes(StandardCharsets.UTF_8);
        String fileId = upload(csv, "small.csv", Map.of("name", "kept")).statusCode(201).extract().path("file_id");
        FakeDatasetsMetadata.FAIL_CREATES.set(true);
        upload(csv, "small.csv", Map.of("name", "again")).statusCode(503);
        assertTrue(FakeIngest.DELETED.isEmpty(), "the file belongs to the first dataset too");
        assertTrue(FakeIngest.FILES.containsKey(fileId));
    }

    @Test
    void whenIngestIsDownNothingIsCatalogued() {
        FakeIngest.DOWN.set(true);
        upload(SMALL.getBytes(StandardCharsets.UTF_8), "small.csv", Map.of("name", "small"))
                .statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:ingest-service-unavailable"))
                .body("detail", containsString("Start it"));
        assertEquals(0, FakeDatasetsMetadata.creates());
    }

    @Test
    void everyValidationRuleAnswersBeforeAnythingIsStored() {
        byte[] tooLarge = new byte[(int) config.maxSize().asLongValue() + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        upload(tooLarge, "big.csv", Map.of("name", "big"))
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"))
                .body("max_bytes", equalTo((int) config.maxSize().asLongValue()));

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        upload(png, "image.csv", Map.of("name", "png"))
                .statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:unsupported-media-type"))
                .body("detail", containsString("PNG image"));

        byte[] latin1 = "context,question,answer\nCaf\u00e9,q,a\n".getBytes(StandardCharsets.ISO_8859_1);
        invalid(latin1, Map.of("name", "latin1"))
                .body("byte_offset", equalTo(27))
                .body("line", equalTo(2))
                .body("detail", containsString("not valid UTF-8"));

        invalid(csv("context,question\nc,q\n"), Map.of("name", "n"))
                .body("missing_columns", contains("answer"));
        invalid(csv("context,question,answer,title\nc,q,a,t\n"), Map.of("name", "n"))
                .body("extra_columns", contains("title"))
                .body("detail", containsString("extra_columns=ignore"));
        invalid(csv("context,question,answer\nc,,a\nc,q,\n"), Map.of("name", "n"))
                .body("error_count", equalTo(2))
                .body("errors.row", contains(1, 2))
                .body("errors.column", contains("question", "answer"));
        invalid(csv("context,question,answer\nc,q,a\nc,\"q,a\nc,q,a\n"), Map.of("name", "n"))
                .body("row", equalTo(2))
                .body("line", equalTo(3))
                .body("detail", containsString("unbalanced quotes"));
        invalid(csv(SMALL), Map.of("name", " "))
                .body("errors[0].field", equalTo("name"));
        invalid(csv(SMALL), Map.of())
                .body("errors[0].field", equalTo("name"));
        invalid(csv(SMALL), Map.of("name", "n".repeat(201)))
                .body("errors[0].message", equalTo("must be at most 200 characters"));
        invalid(csv(SMALL), Map.of("name", "n", "owner", "../x"))
                .body("errors[0].field", equalTo("owner"));
        invalid(csv(SMALL), Map.of("name", "n", "extra_columns", "sometimes"))
                .body("errors[0].field", equalTo("extra_columns"));
        given().multiPart("name", "no file").when().post("/api/v1/datasets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("file"));
        given().contentType("application/json").body("{\"name\": \"json\"}").when().post("/api/v1/datasets")
                .then().statusCode(415).contentType(PROBLEM);

        assertTrue(FakeIngest.FILES.isEmpty(), "nothing reached ingest");
        assertEquals(0, FakeDatasetsMetadata.creates(), "nothing reached the catalogue");
    }

    @Test
    void unknownDatasetsAndChartsAre404() {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("/api/v1/datasets/" + unknown, "/api/v1/datasets/" + unknown + "/eda",
                "/api/v1/datasets/" + unknown + "/eda/tsne.png", "/api/v1/datasets/not-a-uuid",
                "/api/v1/datasets/..%2F..%2Fetc/eda")) {
            given().when().get(path).then().statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        }
        String id = uploadSmall("small");
        given().when().get("/api/v1/datasets/{id}/eda/pie.png", id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("lengths.png, tsne.png and wordcloud.png"));
        ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> source.get(unknown));
        assertEquals(404, e.status());
    }

    @Test
    void edaHasTheDocumentedShapeAndIsComputedOnce() {
        String id = uploadSmall("small");
        var eda = given().when().get("/api/v1/datasets/{id}/eda", id).then().statusCode(200)
                .body("dataset_id", equalTo(id))
                .body("lengths.context.texts", equalTo(6))
                .body("lengths.question.texts", equalTo(10))
                .body("lengths.answer.words.stats.min", equalTo(1))
                .body("lengths.answer.words.stats.max", equalTo(3))
                .body("lengths.context.characters.stats.count", equalTo(6))
                .body("lengths.question.words.bins.count.sum()", equalTo(10))
                .body("words.per_field.answer.stop_words", equalTo(3)) // the Seine, the Amazon basin, a major river
                .body("top_words[0].word", equalTo("capital"))
                .body("tsne.contexts_total", equalTo(6))
                .body("tsne.contexts_projected", equalTo(6))
                .body("tsne.points", hasSize(6))
                .body("tsne.points.context_id", contains(0, 1, 2, 3, 4, 5))
                .extract();
        float x = eda.path("tsne.points[0].x");
        int computedMs = eda.path("computed_ms");
        given().when().get("/api/v1/datasets/{id}/eda", id).then().statusCode(200)
                .body("computed_ms", equalTo(computedMs))
                .body("tsne.points[0].x", equalTo(x));
    }

    @Test
    void theChartsArePngs() throws IOException {
        String id = uploadSmall("small");
        assertPng(id, "lengths", 1040, 900);
        assertPng(id, "tsne", 900, 700);
        assertPng(id, "wordcloud", 900, 600);
    }

    @Test
    void theOpenApiDocumentHasTheDatasetEndpointsWithExamples() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/datasets'.post.responses.'201'.content.'application/json'.examples.dataset",
                        notNullValue())
                .body("paths.'/api/v1/datasets'.post.responses.'400'.content.'application/problem+json'.examples",
                        notNullValue())
                .body("paths.'/api/v1/datasets'.post.responses.'413'", notNullValue())
                .body("paths.'/api/v1/datasets'.post.responses.'415'", notNullValue())
                .body("paths.'/api/v1/datasets/{id}'.get.responses.'404'", notNullValue())
                .body("paths.'/api/v1/datasets/{id}/eda'.get.responses.'200'.content.'application/json'.examples.eda",
                        notNullValue())
                .body("paths.'/api/v1/datasets/{id}/eda/{chart}.png'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/models/get_datasets'.get.responses.'200'.content.'application/json'"
                        + ".examples.datasets", notNullValue());
    }

    private static void assertPng(String id, String chart, int width, int height) throws IOException {
        byte[] bytes = given().when().get("/api/v1/datasets/{id}/eda/{chart}.png", id, chart)
                .then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, chart + " decodes as an image");
        assertEquals(width, image.getWidth(), chart);
        assertEquals(height, image.getHeight(), chart);
        assertFalse(isBlank(image), chart + " draws something");
    }

    private static boolean isBlank(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                if (image.getRGB(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ValidatableResponse invalid(byte[] csv, Map<String, String> fields) {
        return upload(csv, "bad.csv", fields).statusCode(400).contentType(PROBLEM).body("type", equalTo(VALIDATION));
    }

    private long localCopies() throws IOException {
        Path dir = Path.of(config.dir());
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".csv")).count();
        }
    }
}
