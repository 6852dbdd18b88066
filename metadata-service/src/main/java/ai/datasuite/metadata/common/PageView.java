package ai.datasuite.metadata.common;

import java.util.List;

/** One page of a list: {@code {items, page, size, total}}. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
