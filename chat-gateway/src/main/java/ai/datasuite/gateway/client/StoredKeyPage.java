package ai.datasuite.gateway.client;

import java.util.List;

/** One page of metadata-service's keys, the shape of its other lists: {@code {items, page, size, total}}. */
public record StoredKeyPage(List<StoredKey> items, int page, int size, long total) {
}
