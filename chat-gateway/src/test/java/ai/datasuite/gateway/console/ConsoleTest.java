package ai.datasuite.gateway.console;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/**
 * The web console's pages: served without a key (they hold no data), under a Content-Security-Policy that allows no
 * inline or foreign script; everything else stays behind the key. (The pages' behaviour is tested in a real browser
 * by system-tests' Console*SystemTest.)
 */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class ConsoleTest {

    @InjectFakes
    FakeServices fakes;

    @ConfigProperty(name = "suite.identity.open-paths")
    String openPaths;

    @Test
    void everyPageIsServedWithoutAKeyUnderTheSecurityHeaders() {
        for (String path : pagePaths()) {
            given().get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                            containsString("frame-ancestors 'none'"), not(containsString("unsafe"))))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .body(containsString("<script type=\"module\" src=\"/console/js/nav.js\">"),
                            not(containsString(Gateway.ADMIN_KEY)));
        }
        given().get("/").then().body(containsString("id=\"sign-in-form\""),
                not(containsString("<script>")), not(containsString("onclick")));
    }

    @Test
    void eachPageNamesItsTitleAndTheNavigationCarriesTheRolesOfEveryPage() {
        for (ConsolePage page : ConsolePage.values()) {
            String html = given().get("/" + page.path()).then().statusCode(200).extract().asString();
            assertTrue(html.contains("<h1>" + page.title().replace("&", "&amp;") + "</h1>"), page + ": " + html);
            assertTrue(html.contains("href=\"/" + page.path() + "\" aria-current=\"page\""), page.path());
            assertTrue(html.contains("/console/js/" + page.path() + ".js"), page.path());
        }
        String label = given().get("/chat").then().extract().asString();
        assertTrue(label.contains("<li data-roles=\"annotator admin\" hidden><a href=\"/label\">"), label);
    }

    @Test
    void theOpenPathsAreExactlyTheConsolePages() {
        Pattern open = Pattern.compile(openPaths);
        for (String path : pagePaths()) {
            assertTrue(open.matcher(path).matches(), path);
        }
        for (String closed : new String[] {"/api/v1/me", "/api/v1/notices", "/chatx", "/q/openapi", "/files/1"}) {
            assertFalse(open.matcher(closed).matches(), closed);
        }
    }

    @Test
    void anUnknownPageAndTheApiStayBehindTheKey() {
        given().get("/no-such-page").then().statusCode(401);
        given().get("/api/v1/me").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void meNamesTheKeysUserAndRole() {
        Gateway.asAdmin().get("/api/v1/me").then().statusCode(200)
                .body("user_id", equalTo("admin")).body("role", equalTo("admin"));
        String key = ApiKeys.generate();
        fakes.keys.seed(key, "anna", "annotator");
        Gateway.withKey(key).get("/api/v1/me").then().statusCode(200)
                .body("user_id", equalTo("anna")).body("role", equalTo("annotator"));
    }

    @Test
    void theStaticPartsAndTheChartLibraryAreServed() {
        given().get("/console/js/app.js").then().statusCode(200).body(containsString("export function h("));
        given().get("/console/app.css").then().statusCode(200);
        given().get("/webjars/chart.js/dist/chart.umd.min.js").then().statusCode(200)
                .body(containsString("Chart"));
    }

    /** A request as a browser makes it: without the identity the test support adds to every request. */
    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().noFilters();
    }

    private static String[] pagePaths() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("/"),
                ConsolePage.all().stream().map(p -> "/" + p.path())).toArray(String[]::new);
    }
}
