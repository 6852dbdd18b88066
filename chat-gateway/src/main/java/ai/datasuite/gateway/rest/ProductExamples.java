package ai.datasuite.gateway.rest;

/** The OpenAPI examples the product resources share. */
final class ProductExamples {

    static final String CATALOG_ID = "7";
    static final String PRODUCT_ID = "101";
    static final String JOB_ID = "0b7e3f0a-6c1d-4e2f-9a8b-7c6d5e4f3a2b";
    static final String IMPORT_JOB = """
            {"id": "0b7e3f0a-6c1d-4e2f-9a8b-7c6d5e4f3a2b", "kind": "import", "catalog_id": 7, "status": "queued",
             "stage": null, "done": 0, "total": 2465, "message": null, "error": null,
             "created_at": "2026-12-02T10:15:30.123Z", "finished_at": null}""";
    static final String RUNNING_JOB = """
            {"id": "5c4b3a29-1807-4f6e-8d5c-4b3a29180706", "kind": "categorize", "catalog_id": 7,
             "status": "running", "stage": "classify", "done": 500, "total": 2465,
             "message": "Categorizing with few-shot", "error": null, "created_at": "2026-12-02T10:16:00.5Z",
             "finished_at": null}""";
    static final String CATALOG = """
            {"id": 7, "name": "retail-demo", "version": 1, "owner": "alice", "source_name": "products.csv",
             "format": "csv", "mapping": {"title": "name", "description": "description", "category": "category",
             "price": "price", "id": "id"}, "row_count": 2465, "labelled_count": 2465, "categorized_count": 0,
             "parquet_file_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60", "created_at": "2026-12-02T10:15:30Z"}""";
    static final String PRODUCT = """
            {"id": 101, "catalog_id": 7, "row_number": 1, "source_id": "6579c22f-be2b-444c-a52b-0116dd82df6c",
             "title": "Sturdy Backpack", "description": "A backpack for hiking and travel.", "category": "accessories",
             "price": 129.99, "attributes": {"style": "backpack"},
             "predicted": {"category": "accessories", "score": 0.83, "mode": "few-shot",
                           "model_version": "e5-small-v2-q/centroid@1a2b3c4d", "categorized_at": "2026-12-02T10:17:00Z"}}""";
    static final String INVALID_ROWS = """
            {"type": "urn:ai-data-suite:problem:invalid-rows", "title": "Invalid rows", "status": 400,
             "detail": "2 rows are invalid; nothing was stored (on_error=skip stores the others)",
             "errors": [{"row": 12, "column": "price", "message": "'12,5x' is not a number"}], "error_count": 2}""";
    static final String NOT_FOUND = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No product catalog 7"}""";
    static final String NO_LLM = """
            {"type": "urn:ai-data-suite:problem:llm-not-configured", "title": "No LLM configured", "status": 409,
             "detail": "Categorizing with mode llm needs an LLM and none is configured: set SUITE_LLM_API_KEY for\
             OpenAI, or SUITE_LLM_BASE_URL for an OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1), and\
             SUITE_LLM_MODEL (the model's name; default gpt-4o-mini); then restart the gateway. The modes zero-shot\
             and few-shot need no LLM.", "settings": ["SUITE_LLM_API_KEY", "SUITE_LLM_BASE_URL", "SUITE_LLM_MODEL"]}""";
    static final String BUSY = """
            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "A categorize job is running on catalog 7 already; wait until it has finished\
             (GET /api/v1/products/jobs)."}""";

    private ProductExamples() {
    }
}
