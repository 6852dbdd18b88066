package ai.datasuite.ingest.analysis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 12's named bombs through the upload API at the default limits: each gets a clear 4xx problem naming the limit,
 * or is stored with bounded details; none gets a 5xx.
 */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class AnalysisBombsUploadTest {

    @TempDir
    Path tmp;

    @Test
    void xlsxSharedStringsBombIs413NamingThePartLimit() throws Exception {
        // About 115 MB of shared strings in a 17 MB file: under the ratio limit, over ingest.tika.max-part-size.
        Path xlsx = TestBombs.xlsxSharedStrings(tmp.resolve("bomb.xlsx"), 2_300_000);
        upload("bomb.xlsx", xlsx).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:archive-limit-exceeded"))
                .body("detail", containsString("ingest.tika.max-part-size"))
                .body("detail", containsString("xl/sharedStrings.xml"));
    }

    @Test
    void hugePdbIsStoredWithBoundedDetails() throws Exception {
        Path pdb = TestBombs.pdb(tmp.resolve("huge.pdb"), 16L << 20); // under the test profile's 20M upload limit
        Response created = upload("huge.pdb", pdb);
        created.then().statusCode(201)
                .body("media_type", equalTo("chemical/x-pdb"))
                .body("details.truncated", equalTo(true))
                .body("details.title.length()", lessThan(1001));
        assertTrue(created.asString().length() < 140_000, "answer of " + created.asString().length() + " chars");
    }

    @Test
    void damagedDocumentIs400InTheUploadersTerms() throws Exception {
        Path pdf = Files.writeString(tmp.resolve("damaged.pdf"),
                "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 9 0 R >>\n%%EOF");
        upload("damaged.pdf", pdf).then().statusCode(400)
                .body("type", equalTo("urn:ai-data-suite:problem:malformed-file"))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("org.apache")))
                .body("detail", not(containsString("/tmp")));
    }

    @Test
    void deeplyNestedJsonAndInvalidUtf8AreNo5xx() throws Exception {
        Path json = TestBombs.deepJson(tmp.resolve("deep.json"), 2_000_000);
        Path text = TestBombs.invalidUtf8(tmp.resolve("bad.txt"), 2048);
        for (Path file : new Path[] {json, text}) {
            int status = upload(file.getFileName().toString(), file).then().extract().statusCode();
            assertTrue(status < 500, file.getFileName() + " answered " + status);
        }
    }

    private static Response upload(String name, Path file) throws Exception {
        String user = "u-" + UUID.randomUUID().toString().substring(0, 8);
        return given().multiPart("file", name, Files.readAllBytes(file))
                .multiPart("metadata", "{\"user_id\":\"" + user + "\",\"data_type\":\"document\"}")
                .post("/api/v1/files");
    }
}
