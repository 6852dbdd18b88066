package ai.datasuite.gateway.product.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.gateway.support.FakeServicesResource;

/**
 * The categorizer as the application wires it, in the gateway's common test setup (no LLM configured): its
 * {@code gateway.products.llm.*} defaults, and a refusal that names the settings before anything is sent.
 */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class LlmCategorizerWiringTest {

    @Inject
    LlmCategorizer categorizer;

    @Inject
    LlmCategorizeConfig config;

    @Test
    void withoutAnLlmItIsNotConfiguredAndRefusesWith409() {
        assertFalse(categorizer.configured());
        assertEquals("llm:gpt-4o-mini", categorizer.modelVersion());
        LlmCategorizeException refused = assertThrows(LlmCategorizeException.class,
                () -> categorizer.categorize(List.of("A book"), List.of(LlmCategory.of("Books"))));
        assertEquals(409, refused.status());
        assertEquals(LlmCategorizeException.LLM_NOT_CONFIGURED, refused.slug());
    }

    @Test
    void itsSettingsHaveTheDocumentedDefaults() {
        assertEquals(20, config.batchSize());
        assertEquals(20000, config.maxCacheEntries());
        assertEquals(1000, config.maxTextChars());
        assertEquals(0.0, config.temperature());
        assertEquals(2000, config.maxAnswerTokens());
    }
}
