package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kill -9 of ingest-service at seeded random moments while several clients upload files of varied sizes, round after
 * round, restarting it each time; then nothing acknowledged is lost, no row points at a missing object, and the
 * reconciler (started with a tiny min-age) reclaims every object no row refers to, including multipart uploads cut
 * off mid-way (a last crash is made in the middle of one). Rounds: {@code -Dreliability.crash.rounds} (50); seed:
 * {@code -Dreliability.crash.seed}.
 */
class IngestCrashSystemTest {

    static final int ROUNDS = Integer.getInteger("reliability.crash.rounds", 50);
    static final long SEED = Long.getLong("reliability.crash.seed", 20261202L);
    static final int UPLOADERS = 4;
    static final String BUCKET = "ai-data-suite";
    static final String USER = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    static final ObjectMapper JSON = new ObjectMapper();
    /** Small multipart threshold and parts, so that some uploads are cut off in the middle of a multipart upload. */
    static final List<String> INGEST_OPTIONS = List.of("-Dingest.reconciler.enabled=false",
            "-Dingest.storage.multipart-threshold=5M", "-Dingest.storage.part-size=5M");

    static RunningSuite suite;
    static SuiteHttp http;
    /** Rows of the test user's files, counted while their keys are read. */
    static int rowCount;

    /** An upload that got a 2xx: what must come back. */
    record Acknowledged(String id, String sha256, int size) {
    }

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite(List.of(), INGEST_OPTIONS);
        http = new SuiteHttp(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void killedUploadsLoseNothingAcknowledgedAndTheReconcilerReclaimsTheRest() throws Exception {
        Random random = new Random(SEED);
        List<Acknowledged> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long restartNanos = 0;
        long started = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            long killAfter = random.nextInt(400);
            ConcurrentLinkedQueue<Acknowledged> roundAcks = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> roundRefused = new ConcurrentLinkedQueue<>();
            AtomicBoolean down = new AtomicBoolean();
            List<Thread> uploaders = new ArrayList<>();
            for (int u = 0; u < UPLOADERS; u++) {
                long seed = random.nextLong();
                Thread uploader = new Thread(() -> upload(new Random(seed), down, roundAcks, roundRefused));
                uploader.start();
                uploaders.add(uploader);
            }
            // The crash comes a random moment after a random number of this round's uploads were acknowledged, so
            // that others are in flight (wherever they are: spooling, analysing, writing to S3, committing the row).
            int acksBefore = 1 + random.nextInt(3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (roundAcks.size() < acksBefore && roundRefused.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(killAfter); // the random point of the crash: that is what is being varied, not a wait
            down.set(true);
            suite.kill("ingest-service");
            for (Thread uploader : uploaders) {
                uploader.join(TimeUnit.SECONDS.toMillis(90));
                assertTrue(!uploader.isAlive(), "an uploader still waits 90 s after the kill");
            }
            acknowledged.addAll(roundAcks);
            refused.addAll(roundRefused);
            long restart = System.nanoTime();
            suite.restart("ingest-service", List.of());
            restartNanos += System.nanoTime() - restart;
        }
        long roundsMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        restartNanos += cutAMultipartUpload();

        // Nothing acknowledged is lost: every 2xx upload reads back byte-exact.
        List<String> losses = new ArrayList<>();
        for (Acknowledged ack : acknowledged) {
            SuiteHttp.Answer content = http.get(http.as(USER, "user", suite.ingest() + "/api/v1/files/" + ack.id()
                    + "/content"));
            if (content.status() != 200 || content.body().length != ack.size()
                    || !SuiteHttp.sha256(content.body()).equals(ack.sha256())) {
                losses.add(ack.id() + " -> " + content.status());
            }
        }
        // No row points at a missing object.
        BucketFolder bucket = BucketFolder.of(suite, BUCKET);
        Set<String> referenced = referencedKeys();
        Set<String> stored = new TreeSet<>(bucket.objects("files/"));
        stored.addAll(bucket.objects("text/"));
        Set<String> dangling = new TreeSet<>(referenced);
        dangling.removeAll(stored);

        // The reconciler, started with a tiny min-age, reclaims every object no row refers to and every
        // multipart upload a crash cut off, and nothing a row refers to.
        Set<String> strays = new TreeSet<>(stored);
        strays.removeAll(referenced);
        Set<String> openParts = bucket.openMultipartParts();
        suite.restart("ingest-service", List.of("-Dingest.reconciler.enabled=true",
                "-Dingest.reconciler.min-age=0s", "-Dingest.reconciler.every=1s"),
                // Through the environment: ingest-service ignores it until it has the mass-delete guard.
                Map.of("INGEST_RECONCILER_ALLOW_MASS_DELETE", "true"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Set<String> left = leftovers(bucket, referenced);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            left = leftovers(bucket, referenced);
        }
        Set<String> after = new HashSet<>(bucket.objects("files/"));
        after.addAll(bucket.objects("text/"));
        Set<String> wronglyDeleted = new TreeSet<>(referenced);
        wronglyDeleted.removeAll(after);

        System.out.printf("reliability crash ingest rounds=%d acknowledged=%d lost=%d dangling-rows=%d"
                        + " stray-reclaimed=%d/%d multipart-parts=%d rows=%d restart-avg=%dms rounds-time=%ds%n",
                ROUNDS, acknowledged.size(), losses.size(), dangling.size(),
                strays.size() + openParts.size() - (int) left.stream().count(), strays.size() + openParts.size(),
                openParts.size(), rowCount, TimeUnit.NANOSECONDS.toMillis(restartNanos) / Math.max(1, ROUNDS),
                roundsMs / 1000);
        assertEquals(List.of(), refused, "uploads answered with an error while ingest-service was up");
        assertTrue(acknowledged.size() >= ROUNDS, "too few acknowledged uploads to mean anything: "
                + acknowledged.size());
        assertEquals(List.of(), losses, "acknowledged uploads that do not read back byte-exact");
        assertEquals(Set.of(), dangling, "rows whose object is missing");
        assertEquals(Set.of(), left, "strays the reconciler did not reclaim (of " + strays.size()
                + " objects and " + openParts.size() + " multipart parts)");
        assertEquals(Set.of(), wronglyDeleted, "objects rows refer to that the reconciler deleted");
    }

    /**
     * One more crash, not left to chance: in the middle of a multipart upload (its parts are in the bucket), so that
     * the reconciler has an upload to abort. Returns the restart time.
     */
    private static long cutAMultipartUpload() throws Exception {
        BucketFolder bucket = BucketFolder.of(suite, BUCKET);
        Set<String> before = bucket.openMultipartParts();
        byte[] content = content(new Random(SEED), 25 * 1024 * 1024);
        Thread uploader = new Thread(() -> {
            try {
                http.postFile(http.as(USER, "user", suite.ingest() + "/api/v1/files"), "cut-multipart.txt",
                        content, Map.of("metadata", "{\"user_id\":\"" + USER + "\",\"data_type\":\"text\"}"));
            } catch (IOException | InterruptedException cutOff) {
                // expected: killed under it
            }
        });
        uploader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean started = false;
        while (!started && uploader.isAlive() && System.nanoTime() < deadline) {
            try {
                started = !before.containsAll(bucket.openMultipartParts());
            } catch (java.io.UncheckedIOException changing) {
                // a part was written or renamed while the folder was read: look again
            }
            if (!started) {
                Thread.sleep(5);
            }
        }
        suite.kill("ingest-service");
        uploader.join(TimeUnit.SECONDS.toMillis(90));
        assertTrue(started, "no multipart upload of 25 MB seen in the bucket before it completed");
        long restart = System.nanoTime();
        suite.restart("ingest-service", List.of());
        return System.nanoTime() - restart;
    }

    /** Uploads files of varied sizes until ingest-service goes down (the kill), recording each answer. */
    private static void upload(Random random, AtomicBoolean down, ConcurrentLinkedQueue<Acknowledged> acks,
                               ConcurrentLinkedQueue<String> refused) {
        SuiteHttp client = new SuiteHttp(Duration.ofSeconds(60));
        while (!down.get()) {
            byte[] content = content(random);
            String name = "crash-" + UUID.randomUUID() + ".txt";
            try {
                SuiteHttp.Answer answer = client.postFile(client.as(USER, "user", suite.ingest() + "/api/v1/files"),
                        name, content, Map.of("metadata", "{\"user_id\":\"" + USER + "\",\"data_type\":\"text\"}"));
                if (answer.ok()) {
                    JsonNode file = JSON.readTree(answer.body());
                    acks.add(new Acknowledged(file.path("id").asText(), SuiteHttp.sha256(content), content.length));
                } else if (!down.get()) {
                    refused.add(answer.status() + " " + answer.text());
                }
            } catch (IOException | InterruptedException cutOff) {
                return; // the process was killed under this upload: its outcome is unknown, which is allowed
            }
        }
    }

    /** Text of 1 KB to 7 MB (mostly small, some above the 5 MB multipart threshold), unique per upload. */
    static byte[] content(Random random) {
        int pick = random.nextInt(100);
        return content(random, pick < 60 ? 1024 + random.nextInt(63 * 1024)
                : pick < 90 ? 64 * 1024 + random.nextInt(448 * 1024)
                : pick < 96 ? 1024 * 1024 + random.nextInt(2 * 1024 * 1024)
                : 5 * 1024 * 1024 + random.nextInt(2 * 1024 * 1024));
    }

    private static byte[] content(Random random, int size) {
        byte[] bytes = new byte[size];
        byte[] id = (UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            int r = random.nextInt(32);
            bytes[i] = (byte) (r < 26 ? 'a' + r : r < 30 ? ' ' : '\n');
        }
        System.arraycopy(id, 0, bytes, 0, Math.min(id.length, size));
        return bytes;
    }

    /** Object and text keys of every row in the bucket, paging through metadata-service as an admin. */
    private static Set<String> referencedKeys() throws IOException, InterruptedException {
        Set<String> keys = new TreeSet<>();
        int rows = 0;
        for (int page = 0; ; page++) {
            SuiteHttp.Answer answer = http.get(http.admin(suite.metadata() + "/api/v1/files?owner_id=" + USER
                    + "&size=200&page=" + page));
            assertEquals(200, answer.status(), answer.text());
            JsonNode items = JSON.readTree(answer.body()).path("items");
            for (JsonNode item : items) {
                rows++;
                keys.add(item.path("object_key").asText());
                if (item.hasNonNull("text_key")) {
                    keys.add(item.path("text_key").asText());
                }
            }
            if (items.size() < 200) {
                rowCount = rows;
                return keys;
            }
        }
    }

    private static Set<String> leftovers(BucketFolder bucket, Set<String> referenced) {
        try {
            Set<String> left = new TreeSet<>(bucket.objects("files/"));
            left.addAll(bucket.objects("text/"));
            left.removeAll(referenced);
            left.addAll(bucket.openMultipartParts());
            return left;
        } catch (java.io.UncheckedIOException changing) {
            return Set.of("(the bucket changed while it was read)");
        }
    }
}
