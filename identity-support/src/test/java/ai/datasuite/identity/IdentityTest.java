package ai.datasuite.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

@QuarkusTest
class IdentityTest {

    private static String token(String user, String role) {
        return token(user, role, "chat-gateway");
    }

    private static String token(String user, String role, String signedBy) {
        return IdentityTokens.sign(IdentityTokens.claims("ai-data-suite", user, role, Duration.ofMinutes(5), signedBy),
                TestKeys.pair().getPrivate());
    }

    @Test
    void aVerifiedTokenNamesTheCallerAndRole() {
        given().auth().oauth2(token("alice", Roles.USER)).get("/test/whoami").then()
                .statusCode(200).body("id", equalTo("alice")).body("role", equalTo("user")).body("admin", equalTo(false))
                .body("via_service", equalTo(false));
        given().auth().oauth2(token("alice", Roles.USER, "ingest-service")).get("/test/whoami").then()
                .statusCode(200).body("id", equalTo("alice")).body("via_service", equalTo(true));
        given().auth().oauth2(token("reconciler", Roles.SERVICE)).get("/test/whoami").then()
                .statusCode(200).body("role", equalTo("service")).body("admin", equalTo(true));
    }

    @Test
    void noTokenIs401ProblemWithAChallenge() {
        given().get("/test/whoami").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"))
                .body("detail", containsString("X-Api-Key"));
    }

    @Test
    void forgedExpiredAndWrongIssuerTokensAre401() throws Exception {
        var other = java.security.KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        String forged = IdentityTokens.sign(IdentityTokens.claims("ai-data-suite", "alice", Roles.ADMIN,
                Duration.ofMinutes(5), "test"), other.generateKeyPair().getPrivate());
        String expired = IdentityTokens.sign(IdentityTokens.claims("ai-data-suite", "alice", Roles.USER,
                Duration.ofMinutes(1), "test").issuedAt(Instant.now().minusSeconds(1200))
                .expiresAt(Instant.now().minusSeconds(600)), TestKeys.pair().getPrivate());
        String wrongIssuer = IdentityTokens.sign(IdentityTokens.claims("someone-else", "alice", Roles.USER,
                Duration.ofMinutes(5), "test"), TestKeys.pair().getPrivate());
        for (String bad : new String[] {forged, expired, wrongIssuer, "not-a-jwt"}) {
            given().auth().oauth2(bad).get("/test/whoami").then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"))
                    .body("detail", containsString("invalid or has expired"));
        }
    }

    @Test
    void ownerRules() {
        given().auth().oauth2(token("alice", Roles.USER)).get("/test/owner").then()
                .statusCode(200).body("owner", equalTo("alice"));
        given().auth().oauth2(token("alice", Roles.USER)).queryParam("owner", "alice").get("/test/owner").then()
                .statusCode(200).body("owner", equalTo("alice"));
        given().auth().oauth2(token("alice", Roles.USER)).queryParam("owner", "bob").get("/test/owner").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'owner' names another user"));
        given().auth().oauth2(token("root", Roles.ADMIN)).queryParam("owner", "bob").get("/test/owner").then()
                .statusCode(200).body("owner", equalTo("bob"));
    }

    @Test
    void rolesAllowedAnswers403ProblemForAUser() {
        given().auth().oauth2(token("alice", Roles.USER)).get("/test/admin-only").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"));
        given().auth().oauth2(token("root", Roles.ADMIN)).get("/test/admin-only").then().statusCode(200);
    }

    @Test
    void aRestClientHopCarriesTheCallerFreshlySigned() {
        given().auth().oauth2(token("alice", Roles.ANNOTATOR)).get("/test/hop").then()
                .statusCode(200).body("id", equalTo("alice")).body("role", equalTo("annotator"))
                .body("via_service", equalTo(true)); // re-signed by this service (azp identity-test)
    }

    @Inject
    JWTParser parser;

    @Test
    void authenticationVerifiesThroughTheCacheOfVerifiedTokens() {
        assertInstanceOf(VerifiedTokens.class, parser);
    }

    @Test
    void healthStaysOpen() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
