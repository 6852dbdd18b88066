package ai.datasuite.metadata.file;

import java.util.List;

/** The subset of the asked keys that some file uses as object or text key. */
public record ReferencesView(List<String> referenced) {
}
