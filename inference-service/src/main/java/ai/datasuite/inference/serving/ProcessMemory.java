package ai.datasuite.inference.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a load added and an unload released is measured as the change of this process's resident set size. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Resident set size of this process from /proc/self/status ({@code VmRSS}); 0 where there is no /proc. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: memory figures read 0 rather than failing a load.
        }
        return 0;
    }
}
