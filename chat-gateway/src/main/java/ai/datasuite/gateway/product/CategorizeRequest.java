package ai.datasuite.gateway.product;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/products/categorize}: the catalog, the mode, and the categories as names or
 * {@code {name, description}} objects, or the name of a stored category list.
 */
@Schema(name = "CategorizeRequest")
public record CategorizeRequest(Long catalogId,
                                @Schema(enumeration = {"auto", "zero-shot", "few-shot", "llm"}, defaultValue = "auto")
                                String mode,
                                @Schema(description = "Names, or objects {name, description}") List<JsonNode> categories,
                                String categoryList) {
}
