package ai.datasuite.metadata.product;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The categories of a named list: 2..100, names unique. */
@Schema(name = "CategoryListWrite")
public record CategoryListRequest(@NotNull @Size(min = 2, max = 100) List<CategoryListView.@Valid @NotNull Category>
                                          categories) {
}
