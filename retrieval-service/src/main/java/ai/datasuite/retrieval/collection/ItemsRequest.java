package ai.datasuite.retrieval.collection;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Items to insert or replace (by id) in a collection. */
@Schema(name = "CollectionItemsRequest")
public record ItemsRequest(List<Item> items) {

    /** One item: its id, the text embedded (e5 "passage: "), and a payload of strings returned with hits. */
    @Schema(name = "CollectionItem")
    public record Item(
            @Schema(example = "101") String id,
            @Schema(example = "Leather backpack. A brown leather backpack with two pockets.") String text,
            @Schema(description = "Strings returned with every hit (item_id and text are reserved)",
                    example = "{\"title\": \"Leather backpack\", \"category\": \"accessories\"}")
            Map<String, String> payload) {
    }

    /** The answer of an upsert. */
    @Schema(name = "CollectionUpsertResult")
    public record Result(
            @Schema(example = "catalog-7") String collection,
            @Schema(description = "Items written by this request", example = "2") int upserted,
            @Schema(description = "Items the collection holds now", example = "2465") long count) {
    }
}
