package ai.datasuite.metadata.rest;

/** The OpenAPI examples of the product resources, kept apart so the resources stay readable. */
final class ProductExamples {

    static final String CSV = """
            id,title,description,category,price,style
            6579c22f-be2b-444c-a52b-0116dd82df6c,Adventure-Ready Expedition Backpack,"Rugged, durable beige \
            backpack.",accessories,129.99,backpack""";
    static final String JSONL = """
            {"uniq_id": "c2d766ca982eca8304150849735ffef9", "product_name": "Alisha Solid Women's Cycling Shorts", \
            "product_category_tree": "[\\"Clothing >> Women's Clothing >> Shorts\\"]", "retail_price": "999"}""";
    static final String CATALOG = """
            {"id": 7, "name": "retail-demo", "version": 1, "owner": "alice", "source_name": "products.csv",
             "format": "csv", "mapping": {"title": "title", "description": "description", "category": "category",
             "price": "price", "id": "id"}, "row_count": 2465, "labelled_count": 2465, "categorized_count": 0,
             "parquet_file_id": null, "created_at": "2026-12-02T10:15:30.123456Z"}""";
    static final String CATALOG_SKIPPED = """
            {"id": 8, "name": "flipkart", "version": 2, "owner": "alice", "source_name": "flipkart.csv",
             "format": "csv", "mapping": {"title": "product_name", "description": "description",
             "category": "product_category_tree", "price": "retail_price", "id": "uniq_id"}, "row_count": 47,
             "labelled_count": 47, "categorized_count": 0, "parquet_file_id": null,
             "created_at": "2026-12-02T10:15:30.123456Z",
             "skipped": [{"row": 12, "column": "price", "message": "must be a number, got 'n/a'"}],
             "skipped_count": 1}""";
    static final String INVALID_ROWS = """
            {"type": "urn:ai-data-suite:problem:invalid-rows", "title": "Invalid rows", "status": 400,
             "detail": "2 problem(s) in the file, nothing was stored (rows 3, 12); fix them, or import with \
            on_error=skip to store the other rows", "error_count": 2,
             "errors": [{"row": 3, "column": "title", "message": "is required"},
                        {"row": 12, "column": "price", "message": "must be a number, got 'n/a'"}]}""";
    static final String TOO_LARGE = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "More than 100000 product rows in one import (metadata.products.max-rows)"}""";
    static final String NOT_FOUND = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No product catalog 7"}""";
    static final String PRODUCT = """
            {"id": 101, "catalog_id": 7, "row_number": 1, "source_id": "6579c22f-be2b-444c-a52b-0116dd82df6c",
             "title": "Adventure-Ready Expedition Backpack", "description": "Rugged, durable beige backpack.",
             "category": "accessories", "price": 129.99, "attributes": {"style": "backpack"},
             "predicted": {"category": "accessories", "score": 0.83, "mode": "few-shot",
             "model_version": "e5-small-v2-q/centroid@1a2b3c4d", "categorized_at": "2026-12-02T10:20:00Z"}}""";
    static final String PATCH = """
            {"parquet_file_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60"}""";
    static final String DICTIONARY = """
            {"catalog_id": 7, "name": "retail-demo", "version": 1, "rows": 2465, "columns": [
             {"name": "title", "type": "VARCHAR", "description": "Product title; from the source column 'title'.",
              "null_count": 0, "distinct_count": 2367, "min_length": 5, "max_length": 60, "min": null, "max": null,
              "examples": ["3-Piece Luggage Set", "Adventure-Ready Expedition Backpack"]},
             {"name": "price", "type": "DECIMAL(14,2)", "description": "Price, rounded to 2 decimals; from the source\
             column 'price'.", "null_count": 0, "distinct_count": 180, "min_length": null, "max_length": null,
              "min": 0.99, "max": 1999.99, "examples": [0.99, 1.99]}]}""";
    static final String COLUMN = """
            {"name": "title", "type": "VARCHAR", "description": "Short product name shown in the shop",
             "null_count": 0, "distinct_count": 2367, "min_length": 5, "max_length": 60, "min": null, "max": null,
             "examples": ["3-Piece Luggage Set", "Adventure-Ready Expedition Backpack"]}""";
    static final String DESCRIBE = """
            {"description": "Short product name shown in the shop"}""";
    static final String DICTIONARY_YAML = """
            dataset: retail-demo
            version: 1
            catalog_id: 7
            rows: 2465
            columns:
            - name: title
              type: VARCHAR
              description: Product title; from the source column 'title'.
              stats:
                null_count: 0
                distinct_count: 2367
                min_length: 5
                max_length: 60
                examples: [3-Piece Luggage Set, Adventure-Ready Expedition Backpack]""";
    static final String SCHEMA_YAML = """
            name: retail-demo
            version: 1
            format: parquet
            primary_key: [row_number]
            fields:
            - name: row_number
              type: INTEGER
              nullable: false
              required: true
              constraints: {unique: true, minimum: 1}
            - name: title
              type: VARCHAR
              nullable: false
              required: true
              constraints: {max_length: 500}""";
    static final String PREDICTIONS = """
            {"mode": "zero-shot", "model_version": "e5-small-v2-q/zero-shot@9c1e2f3a",
             "predictions": [{"product_id": 101, "category": "apparel", "score": 0.83}]}""";
    static final String UPDATED = """
            {"updated": 1}""";
    static final String LABELS = """
            {"catalog_id": 7, "source": "true", "labels": {"101": "accessories", "102": "accessories"}}""";
    static final String COUNTS = """
            {"catalog_id": 7, "source": "predicted", "sql": "SELECT predicted_category AS category, COUNT(*) AS count \
            FROM products WHERE catalog_id = ? GROUP BY predicted_category ORDER BY count DESC, category",
             "counts": [{"category": "apparel", "count": 231}, {"category": null, "count": 12}], "total": 243}""";
    static final String LISTS = """
            {"items": [{"name": "default", "builtin": true, "owner": null, "categories": [
             {"name": "Health, Beauty", "description": "health and beauty products such as skin care, cosmetics,\
             vitamins and personal care"}, {"name": "Books", "description": "books, e-books and magazines"}]},
             {"name": "retail", "builtin": false, "owner": "alice", "categories": [{"name": "apparel",
             "description": null}, {"name": "footwear", "description": "shoes and boots"}]}]}""";
    static final String LIST = """
            {"name": "retail", "builtin": false, "owner": "alice", "categories": [{"name": "apparel",
             "description": null}, {"name": "footwear", "description": "shoes and boots"}]}""";
    static final String LIST_WRITE = """
            {"categories": [{"name": "apparel"}, {"name": "footwear", "description": "shoes and boots"}]}""";
    static final String DEFAULT_CONFLICT = """
            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "The list 'default' is built in and cannot be changed; save your categories under another\
             name"}""";

    private ProductExamples() {
    }
}
