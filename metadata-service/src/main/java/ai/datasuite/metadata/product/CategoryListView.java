package ai.datasuite.metadata.product;

import java.util.List;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** A named list of categories; the built-in one ('default') has no owner. */
@Schema(name = "CategoryList")
public record CategoryListView(String name, boolean builtin, String owner, List<Category> categories) {

    /** One category and an optional description that helps a classifier (e.g. e5 label descriptions). */
    @Schema(name = "ProductCategory")
    public record Category(@NotBlank @Text(max = 100) String name, @Text(max = 1000) String description) {
    }
}
