package ai.datasuite.metadata.product;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** The catalog's Parquet file in ingest, recorded after the gateway stored it. */
@Schema(name = "ProductCatalogPatch")
public record CatalogPatchRequest(@NotBlank @Text(max = 255) String parquetFileId) {
}
