package ai.datasuite.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What S3Proxy's filesystem store holds for one bucket, read from its folder: the object keys (one file per object,
 * the key its path) and the parts of multipart uploads never completed or aborted (S3Proxy keeps them under hidden
 * {@code .mpus-*} names). Reading the folder needs no S3 client and sees exactly what a crash left.
 */
record BucketFolder(Path root) {

    static BucketFolder of(RunningSuite suite, String bucket) {
        return new BucketFolder(suite.dataDir.resolve("s3").resolve(bucket));
    }

    /** Keys of the complete objects under {@code prefix} ("files/", "text/"). */
    Set<String> objects(String prefix) {
        Set<String> keys = new TreeSet<>();
        for (Path file : files()) {
            String key = root.relativize(file).toString().replace('\\', '/');
            boolean hidden = Stream.of(key.split("/")).anyMatch(segment -> segment.startsWith("."));
            if (!hidden && key.startsWith(prefix)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Files of multipart uploads that were started and never completed nor aborted. */
    Set<String> openMultipartParts() {
        Set<String> parts = new TreeSet<>();
        for (Path file : files()) {
            String key = root.relativize(file).toString().replace('\\', '/');
            // The stub and part names hold the object key, so the marker may be on a folder of the path.
            if (Stream.of(key.split("/")).anyMatch(segment -> segment.startsWith(".mpus-"))) {
                parts.add(key);
            }
        }
        return parts;
    }

    private Set<Path> files() {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
