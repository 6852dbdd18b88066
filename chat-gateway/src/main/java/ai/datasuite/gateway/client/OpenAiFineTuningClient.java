package ai.datasuite.gateway.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.datasuite.gateway.config.FineTuneConfig;
import ai.datasuite.gateway.config.LlmConfig;

/**
 * OpenAI's files and fine-tuning API (or a server speaking it) at {@link LlmConfig#effectiveBaseUrl()}, with the
 * configured API key as {@code Authorization: Bearer} — never a suite identity token. The JDK client, because the
 * base URL and key are the LLM's configuration rather than a service of the suite, and the upload is multipart with
 * a generated body. Each call is bounded by {@code gateway.fine-tune.provider-timeout}. Not retried here: the job's
 * poll loop asks again on its next tick, and a create is not safely repeatable.
 */
@ApplicationScoped
public class OpenAiFineTuningClient {

    /** A provider's fine-tuning job as far as the gateway follows it. */
    public record ProviderJob(String id, String status, String fineTunedModel, String error) {

        public boolean finished() {
            return "succeeded".equals(status) || "failed".equals(status) || "cancelled".equals(status);
        }
    }

    /** The provider refused a call or could not be reached; the message is fit for the job's owner. */
    public static class ProviderException extends RuntimeException {

        public ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final LlmConfig llm;
    private final FineTuneConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public OpenAiFineTuningClient(LlmConfig llm, FineTuneConfig config, ObjectMapper json) {
        this.llm = llm;
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.providerTimeout()).build();
    }

    /** True when a key is configured: fine-tuning needs an account, a base URL alone is not enough. */
    public boolean available() {
        return llm.configured() && llm.apiKey().filter(key -> !key.isBlank()).isPresent();
    }

    /** Uploads a JSONL training file ({@code purpose=fine-tune}); returns the provider's file id. */
    public String uploadTrainingFile(String fileName, byte[] jsonl) {
        String boundary = "----suite-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(jsonl.length + 512);
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: application/jsonl\r\n\r\n");
        body.writeBytes(jsonl);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = request("/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return text(send(request, "uploading the training file"), "id");
    }

    /** Starts fine-tuning {@code model} on the uploaded file; learning_rate goes as learning_rate_multiplier. */
    public ProviderJob createJob(String trainingFileId, String model, int epochs, double learningRate) {
        ObjectNode body = json.createObjectNode().put("training_file", trainingFileId).put("model", model);
        body.putObject("hyperparameters").put("n_epochs", epochs).put("learning_rate_multiplier", learningRate);
        HttpRequest request = request("/fine_tuning/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return job(send(request, "starting the fine-tuning job"));
    }

    public ProviderJob getJob(String providerJobId) {
        return job(send(request("/fine_tuning/jobs/" + providerJobId).GET().build(), "asking the job's status"));
    }

    private HttpRequest.Builder request(String path) {
        String base = llm.effectiveBaseUrl().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(config.providerTimeout())
                .header("Authorization", "Bearer " + llm.apiKey().orElse(""))
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request, String what) {
        String host = request.uri().getHost() + (request.uri().getPort() > 0 ? ":" + request.uri().getPort() : "");
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderException("The LLM provider at " + host + " did not answer in time while " + what
                    + " (gateway.fine-tune.provider-timeout " + config.providerTimeout() + ")", e);
        } catch (IOException e) {
            throw new ProviderException("The LLM provider at " + host + " could not be reached while " + what
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("Interrupted while " + what, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String detail = body.path("error").path("message").asText("");
            throw new ProviderException("The LLM provider at " + host + " answered " + response.statusCode()
                    + " while " + what + (detail.isBlank() ? "" : ": " + detail), null);
        }
        return body;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static ProviderJob job(JsonNode body) {
        String error = body.path("error").path("message").asText(null);
        return new ProviderJob(text(body, "id"), body.path("status").asText(""),
                body.path("fine_tuned_model").isTextual() ? body.get("fine_tuned_model").asText() : null, error);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ProviderException("The LLM provider's answer has no '" + field + "'", null);
        }
        return value.asText();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
