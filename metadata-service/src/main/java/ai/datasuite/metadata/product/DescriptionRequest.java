package ai.datasuite.metadata.product;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** A new description of one data dictionary column. */
@Schema(name = "ProductDictionaryDescription")
public record DescriptionRequest(@NotBlank @Text(max = 2000, controls = true) String description) {
}
