package ai.datasuite.gateway.limit;

import java.util.Map;

import jakarta.inject.Singleton;

import ai.datasuite.gateway.config.LimitsConfig;
import ai.datasuite.problem.ProblemException;

/** The largest request body the gateway routes ({@code gateway.limits.max-body-size}), and its 413 problem. */
@Singleton
public class BodyLimit {

    private final long maxBytes;

    public BodyLimit(LimitsConfig config) {
        this.maxBytes = config.maxBodySize().asLongValue();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** True when a declared {@code Content-Length} is over the limit (an unparsable one is left to the server). */
    public boolean exceededBy(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public ProblemException tooLarge() {
        return new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body is larger than the gateway accepts (" + describe(maxBytes) + ", " + maxBytes
                        + " bytes; gateway.limits.max-body-size). Send a smaller body or split the upload.",
                Map.of("max_body_bytes", maxBytes));
    }

    static String describe(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return (long) value + " " + units[unit];
    }
}
