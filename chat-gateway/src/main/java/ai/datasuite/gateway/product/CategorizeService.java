package ai.datasuite.gateway.product;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.gateway.client.InferenceClassifyClient;
import ai.datasuite.gateway.client.InferenceClassifyClient.Classified;
import ai.datasuite.gateway.client.InferenceClassifyClient.Example;
import ai.datasuite.gateway.client.InferenceClassifyClient.FewShot;
import ai.datasuite.gateway.client.InferenceClassifyClient.ZeroShot;
import ai.datasuite.gateway.client.MetadataProductsClient;
import ai.datasuite.gateway.client.MetadataProductsClient.Catalog;
import ai.datasuite.gateway.client.MetadataProductsClient.Category;
import ai.datasuite.gateway.client.MetadataProductsClient.Prediction;
import ai.datasuite.gateway.client.MetadataProductsClient.PredictionsWrite;
import ai.datasuite.gateway.client.MetadataProductsClient.Product;
import ai.datasuite.gateway.config.ProductsConfig;
import ai.datasuite.gateway.document.Acting;
import ai.datasuite.gateway.evaluation.EvaluationService;
import ai.datasuite.gateway.product.llm.LlmCategorizer;
import ai.datasuite.gateway.product.llm.LlmCategory;
import ai.datasuite.gateway.product.llm.LlmPrediction;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;

/**
 * Categorizes a catalog as a job: each product's text (title + ". " + description) goes to inference-service's
 * zero-shot or few-shot classifier (or the LLM) in batches, and the predictions are written to metadata-service with
 * the mode and model version. {@code auto} is few-shot when the catalog carries true categories, else zero-shot.
 */
@ApplicationScoped
public class CategorizeService {

    static final Set<String> MODES = Set.of("auto", "zero-shot", "few-shot", "llm");
    static final String DEFAULT_LIST = "default";

    private final MetadataProductsClient metadata;
    private final InferenceClassifyClient inference;
    private final LlmCategorizer llm;
    private final CatalogProducts products;
    private final ProductJobs jobs;
    private final Signed signed;
    private final ProductsConfig config;

    public CategorizeService(MetadataProductsClient metadata, InferenceClassifyClient inference, LlmCategorizer llm,
                             CatalogProducts products, ProductJobs jobs, Signed signed, ProductsConfig config) {
        this.metadata = metadata;
        this.inference = inference;
        this.llm = llm;
        this.products = products;
        this.jobs = jobs;
        this.signed = signed;
        this.config = config;
    }

    public JobView start(CategorizeRequest request, Caller caller) {
        if (request == null || request.catalogId() == null) {
            throw ProblemException.validation("catalog_id is required, e.g. {\"catalog_id\": 7, \"mode\": \"auto\"}");
        }
        String mode = request.mode() == null || request.mode().isBlank() ? "auto"
                : request.mode().strip().toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw ProblemException.validation("mode must be one of auto, zero-shot, few-shot, llm; it was '"
                    + ProductImportService.shortened(request.mode()) + "'");
        }
        if (mode.equals("llm") && !llm.configured()) {
            throw new ProblemException(409, EvaluationService.LLM_NOT_CONFIGURED, "No LLM configured", "Categorizing"
                    + " with mode llm needs an LLM and none is configured: set SUITE_LLM_API_KEY for OpenAI, or"
                    + " SUITE_LLM_BASE_URL for an OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1), and"
                    + " SUITE_LLM_MODEL (the model's name; default gpt-4o-mini); then restart the gateway. The modes"
                    + " zero-shot and few-shot need no LLM.",
                    Map.of("settings", List.of("SUITE_LLM_API_KEY", "SUITE_LLM_BASE_URL", "SUITE_LLM_MODEL")));
        }
        List<Category> given = categories(request.categories());
        Acting acting = Acting.of(caller);
        Catalog catalog = metadata.catalog(request.catalogId(), signed.as(acting))
                .orElseThrow(() -> ProblemException.notFound("No product catalog " + request.catalogId()));
        if (mode.equals("auto")) {
            mode = catalog.labelledCount() > 0 ? "few-shot" : "zero-shot";
        }
        if (mode.equals("few-shot") && catalog.labelledCount() == 0) {
            throw ProblemException.validation("Few-shot needs products with a true category and catalog "
                    + catalog.id() + " has none; use zero-shot or llm with a list of categories.");
        }
        List<Category> categories = given;
        if (categories.isEmpty() && (!mode.equals("few-shot") || request.categoryList() != null)) {
            String list = request.categoryList() == null || request.categoryList().isBlank() ? DEFAULT_LIST
                    : request.categoryList().strip();
            categories = metadata.categoryList(list, signed.as(acting)).categories();
        }
        List<Category> chosen = categories;
        String chosenMode = mode;
        ProductJob job = new ProductJob(ProductJob.CATEGORIZE, catalog.id(), acting, catalog.rowCount());
        return jobs.start(job, true, running -> run(running, chosenMode, chosen));
    }

    private void run(ProductJob job, String mode, List<Category> categories) {
        List<Example> examples = mode.equals("few-shot") ? examples(job, categories) : List.of();
        if (mode.equals("few-shot") && examples.stream().map(Example::label).distinct().count() < 2) {
            throw ProblemException.validation("Few-shot needs labelled products of at least two categories;"
                    + " the catalog has " + examples.stream().map(Example::label).distinct().count() + ".");
        }
        job.stage("classify", job.view().total(), "Categorizing with " + mode);
        long[] written = {0};
        products.forEachPage(job.catalogId(), null, job.owner(), page -> {
            for (int from = 0; from < page.size(); from += config.classifyBatch()) {
                List<Product> batch = page.subList(from, Math.min(page.size(), from + config.classifyBatch()));
                List<String> texts = batch.stream().map(Product::text).toList();
                job.phase("classify", "Categorizing with " + mode);
                Batch predicted = classify(mode, texts, categories, examples, job.owner());
                List<Prediction> predictions = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    if (predicted.labels().get(i) == null) {
                        continue; // the LLM left it uncategorized
                    }
                    predictions.add(new Prediction(batch.get(i).id(), predicted.labels().get(i),
                            predicted.scores().get(i)));
                }
                job.phase("store", "Storing the predictions");
                if (!predictions.isEmpty()) {
                    metadata.putPredictions(job.catalogId(), new PredictionsWrite(mode, predicted.modelVersion(),
                            predictions), signed.as(job.owner()));
                }
                written[0] += predictions.size();
                job.progress(batch.size());
            }
        });
        long left = job.view().total() - written[0];
        job.succeeded(written[0] + " products categorized with " + mode + (left > 0 ? "; " + left
                + " left uncategorized" : ""));
    }

    private record Batch(List<String> labels, List<Double> scores, String modelVersion) {
    }

    private Batch classify(String mode, List<String> texts, List<Category> categories, List<Example> examples,
                           Acting acting) {
        if (mode.equals("llm")) {
            List<LlmPrediction> predictions = llm.categorize(texts, categories.stream()
                    .map(c -> new LlmCategory(c.name(), c.description())).toList());
            return new Batch(predictions.stream().map(LlmPrediction::category).toList(),
                    predictions.stream().map(LlmPrediction::score).toList(), llm.modelVersion());
        }
        Classified answer;
        if (mode.equals("few-shot")) {
            answer = inference.fewShot(new FewShot(texts, examples, 1), signed.as(acting));
        } else {
            Map<String, String> descriptions = new LinkedHashMap<>();
            categories.stream().filter(c -> c.description() != null && !c.description().isBlank())
                    .forEach(c -> descriptions.put(c.name(), c.description()));
            answer = inference.zeroShot(new ZeroShot(texts, categories.stream().map(Category::name).toList(),
                    descriptions.isEmpty() ? null : descriptions, 1), signed.as(acting));
        }
        if (answer.all().size() != texts.size()) {
            throw new IllegalStateException("inference-service answered " + answer.all().size() + " results for "
                    + texts.size() + " texts");
        }
        return new Batch(answer.all().stream().map(InferenceClassifyClient.Result::label).toList(),
                answer.all().stream().map(InferenceClassifyClient.Result::score).toList(), answer.modelVersion());
    }

    /**
     * Up to {@code gateway.products.few-shot-per-category} labelled products per category (the given ones only),
     * drawn evenly from the whole catalog: the ones whose id hashes lowest (a bottom-k sample, bounded memory).
     * Files are often sorted by category and sub-category, so the first rows of a category would all be one kind
     * of product (all backpacks for "accessories") and teach the head far less.
     */
    private List<Example> examples(ProductJob job, List<Category> categories) {
        Set<String> allowed = new LinkedHashSet<>(categories.stream().map(Category::name).toList());
        int perCategory = config.fewShotPerCategory();
        Map<String, PriorityQueue<Drawn>> drawn = new LinkedHashMap<>();
        products.forEachPage(job.catalogId(), null, job.owner(), page -> {
            for (Product p : page) {
                String label = p.category();
                if (label == null || label.isBlank() || !allowed.isEmpty() && !allowed.contains(label)) {
                    continue;
                }
                PriorityQueue<Drawn> kept = drawn.computeIfAbsent(label,
                        l -> new PriorityQueue<>(Comparator.comparingLong(Drawn::rank).reversed()));
                kept.add(new Drawn(rank(p.id()), new Example(p.text(), label)));
                if (kept.size() > perCategory) {
                    kept.poll(); // drops the highest rank
                }
            }
        });
        List<Example> examples = new ArrayList<>();
        drawn.values().forEach(kept -> kept.stream().sorted(Comparator.comparingLong(Drawn::rank))
                .forEach(d -> examples.add(d.example())));
        return examples;
    }

    private record Drawn(long rank, Example example) {
    }

    /** A fixed pseudo-random rank of a product id (SplitMix64's finalizer): the same draw on every run. */
    static long rank(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }

    /** The request's categories: names or {name, description} objects. */
    static List<Category> categories(List<JsonNode> given) {
        if (given == null) {
            return List.of();
        }
        List<Category> categories = new ArrayList<>();
        for (JsonNode node : given) {
            if (node != null && node.isTextual() && !node.asText().isBlank()) {
                categories.add(new Category(node.asText().strip(), null));
            } else if (node != null && node.isObject() && node.path("name").isTextual()
                    && !node.path("name").asText().isBlank()) {
                JsonNode description = node.get("description");
                categories.add(new Category(node.get("name").asText().strip(),
                        description == null || description.isNull() ? null : description.asText()));
            } else {
                throw ProblemException.validation("categories holds names or {\"name\", \"description\"} objects;"
                        + " one entry is " + (node == null ? "null" : node.toString()));
            }
        }
        if (categories.stream().map(Category::name).distinct().count() < categories.size()) {
            throw ProblemException.validation("categories must be unique");
        }
        if (categories.size() == 1) {
            throw ProblemException.validation("categories needs at least two names to choose from");
        }
        return categories;
    }
}
