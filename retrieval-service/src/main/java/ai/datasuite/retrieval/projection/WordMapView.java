package ai.datasuite.retrieval.projection;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The most frequent words of a collection's texts (stop words out), embedded with e5 and projected with t-SNE. */
@Schema(name = "CollectionWordMap")
public record WordMapView(
        @Schema(example = "catalog-7") String collection,
        @Schema(example = "t-SNE") String method,
        @Schema(description = "Most frequent first") List<Word> words) {

    @Schema(name = "MappedWord")
    public record Word(
            @Schema(example = "leather") String word,
            @Schema(example = "120") int count,
            @Schema(example = "4.2") double x,
            @Schema(example = "-1.7") double y) {
    }
}
