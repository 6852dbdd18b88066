package ai.datasuite.inference.job;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A worker name unique per instance (host, pid, random), so leases in metadata-service tell instances apart. */
final class WorkerId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkerId() {
    }

    public static String create() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return host() + ":" + ProcessHandle.current().pid() + ":" + HexFormat.of().formatHex(random);
    }

    // The environment first: a reverse lookup of the local address can hang where DNS is missing.
    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "unknown-host";
            }
        }
        return host.length() > 60 ? host.substring(0, 60) : host;
    }
}
