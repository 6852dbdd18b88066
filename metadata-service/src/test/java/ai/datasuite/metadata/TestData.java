package ai.datasuite.metadata;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Shared helpers of the topic tests. Every test makes its own prefix/owner so tests never see each other's rows, whatever the order
 * and whichever database (the MariaDB run keeps one schema for the whole JVM).
 */
public final class TestData {

    public static final String JSONL = "application/x-ndjson";

    private TestData() {
    }

    public static String prefix() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fixture from src/test/resources with {@code %P%} replaced by the test's prefix. */
    public static String fixture(String name, String prefix) {
        try (InputStream in = TestData.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("%P%", prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid create body; the content seed makes the sha256 unique. */
    public static Map<String, Object> newFile(String owner, String originalName) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("owner_id", owner);
        body.put("original_name", originalName);
        int dot = originalName.lastIndexOf('.');
        body.put("extension", dot > 0 ? originalName.substring(dot + 1) : null);
        body.put("media_type", "application/octet-stream");
        body.put("name_media_type", null);
        body.put("extension_mismatch", false);
        body.put("size_bytes", 1234);
        body.put("sha256", sha256(id));
        body.put("bucket", "suite-files");
        body.put("object_key", owner + "/" + id);
        body.put("data_type", "benchmark");
        body.put("tags", List.of("gaia"));
        body.put("text_key", null);
        body.put("text_length", null);
        body.put("text_truncated", false);
        body.put("details", null);
        body.put("task_id", null);
        return body;
    }

    /** Creates the file and returns its id. */
    public static String store(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/files")
                .then().statusCode(201)
                .extract().path("id");
    }

    /**
     * A request as {@code user} signed by the gateway itself (azp chat-gateway) rather than by a service hop, with the
     * test JVM's key: a person's call straight from the gateway, which internal endpoints must refuse.
     */
    public static RequestSpecification viaGateway(String user, String role) {
        try {
            byte[] der = Base64.getDecoder().decode(TestIdentity.privateKeyBase64());
            String token = IdentityTokens.sign(IdentityTokens.claims(TestIdentity.ISSUER, user, role,
                    Duration.ofMinutes(5), "chat-gateway"),
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
            return RestAssured.given().header("Authorization", "Bearer " + token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RestAssured cannot encode a String for media types it does not know (JSONL), so bodies go as bytes. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static void importJsonl(String content) {
        given().contentType(JSONL).body(utf8(content))
                .when().post("/api/v1/tasks/import")
                .then().statusCode(200);
    }
}
