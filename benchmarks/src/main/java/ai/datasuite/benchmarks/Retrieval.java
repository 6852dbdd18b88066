package ai.datasuite.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/** retrieval-service as ./suite start runs it (RETRIEVAL_PORT, default 8084), the shared SQuAD data, random vectors. */
final class Retrieval {

    static final URI BASE = URI.create("http://127.0.0.1:" + Suite.env("RETRIEVAL_PORT", "8084"));
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Retrieval() {
    }

    /** One SQuAD row: the paragraph and the question asked about it. */
    record QaRow(String context, String question) {
    }

    /** Rows of {@code squad_v1.1_dev_qa_part<part>.csv}, read with a real CSV parser (contexts hold newlines). */
    static List<QaRow> squad(int part) {
        Path file = squadFile(part);
        List<QaRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(new QaRow(r.get("context"), r.get("question")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return rows;
    }

    static Path squadFile(int part) {
        Path file = Path.of(Suite.env("SQUAD_DIR", "datasets/squad-v1.1-dev"),
                "squad_v1.1_dev_qa_part" + part + ".csv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found; set SQUAD_DIR to the squad-v1.1-dev folder");
        }
        return file;
    }

    /**
     * The id of the dataset called {@code name}, uploading {@code csv} under that name first when no such dataset
     * exists (so repeated runs reuse one upload). extra_columns=ignore: the shared files carry id, title, ... too.
     */
    static String dataset(String name, Path csv) {
        for (JsonNode d : get("/api/v1/models/get_datasets")) {
            if (name.equals(d.path("name").asText())) {
                return d.path("id").asText();
            }
        }
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : Map.of("name", name, "extra_columns", "ignore").entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + csv.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(csv));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = Suite.request(BASE.resolve("/api/v1/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return expect(request, 201).path("id").asText();
    }

    static JsonNode get(String path) {
        return expect(Suite.request(BASE.resolve(path)).build(), 200);
    }

    static JsonNode post(String path, Object body) {
        return expect(postRequest(path, body), 200);
    }

    /** A JSON POST, built ahead so that timing covers only the exchange. */
    static HttpRequest postRequest(String path, Object body) {
        try {
            return Suite.request(BASE.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode delete(String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            uri.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return expect(Suite.request(BASE.resolve(uri.toString())).DELETE().build(), 200);
    }

    /** Sends, checks the status and parses the JSON answer. */
    static JsonNode expect(HttpRequest request, int status) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != status) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("retrieval-service at " + BASE + " did not answer; start the suite with"
                    + " ./suite start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} unit vectors of {@code dim} gaussian components, row after row in one array. */
    static float[] unitVectors(int n, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                float v = (float) random.nextGaussian();
                data[i * dim + j] = v;
                norm += (double) v * v;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dim; j++) {
                data[i * dim + j] *= inv;
            }
        }
        return data;
    }

    /** A dense collection of the rows of {@code data} (ids 0..n-1), upserted in batches as the service does. */
    static void fill(EmbeddedVectorStore store, String collection, float[] data, int dim) {
        int n = data.length / dim;
        store.ensureCollection(collection, dim, false);
        int batch = 25_000;
        for (int from = 0; from < n; from += batch) {
            List<VectorPoint> points = new ArrayList<>(batch);
            for (int i = from; i < Math.min(n, from + batch); i++) {
                float[] v = new float[dim];
                System.arraycopy(data, i * dim, v, 0, dim);
                points.add(new VectorPoint(i, v, null, Map.of("context_id", Integer.toString(i))));
            }
            store.upsert(collection, points);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Milliseconds at percentile {@code p} of nanosecond samples. */
    static double p(long[] nanos, double p) {
        return Suite.percentile(Suite.sorted(nanos), p);
    }
}
