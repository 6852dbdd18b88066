package ai.datasuite.gateway.key;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of keys: {@code {items, page, size, total}}, as the services' other lists. */
@Schema(name = "KeyPage", description = "One page of API keys, newest first.")
public record KeyPage(List<KeyView> items, int page, int size, long total) {
}
