package ai.datasuite.retrieval.model;

import java.util.List;

/** Outcome of {@code remove} / {@code remove_all}: the models removed, memory released and disk bytes freed. */
public record RemoveReport(List<String> removed, long releasedBytes, long freedDiskBytes) {
}
