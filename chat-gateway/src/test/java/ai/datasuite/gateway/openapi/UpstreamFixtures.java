package ai.datasuite.gateway.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small realistic documents of the services, as Quarkus serves them: ingest's and metadata's are the committed
 * contracts (contracts/*.openapi.json, the real documents' shape); retrieval's and inference's are a few of their
 * real paths, with tags, examples and the bearer scheme smallrye-jwt adds to a secured service. Retrieval and inference
 * both name a component ModelView and UnloadReport (different content), retrieval and ingest both name UploadForm;
 * all four name an equal Instant. Inference still documents its old model listing at /api/v1/models, which the gateway
 * routes to retrieval.
 */
final class UpstreamFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String RETRIEVAL = """
            {"openapi": "3.1.0",
             "info": {"title": "retrieval-service", "version": "0.1.0"},
             "tags": [{"name": "Models", "description": "Fit, save, load and remove retrieval models; find contexts; quality and speed"},
                      {"name": "Datasets", "description": "Upload Q&A datasets (CSV: context, question, answer) and explore them"},
                      {"name": "Documents", "description": "Per-user document collections for RAG"}],
             "paths": {
              "/api/v1/models/list_model": {"get": {"tags": ["Models"], "summary": "List saved models",
                "operationId": "list",
                "security": [{"SecurityScheme": []}],
                "responses": {"200": {"description": "Saved models", "content": {"application/json": {
                  "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ModelView"}},
                  "examples": {"two models": {"value": [{"model_id": "squad-tfidf-bigrams", "model_type": "tfidf",
                    "dataset_id": "squad", "loaded": true}]}}}}},
                  "401": {"description": "Not Authorized"}, "403": {"description": "Not Allowed"}}}},
              "/api/v1/models/unload_model": {"post": {"tags": ["Models"], "summary": "Unload a model",
                "security": [{"SecurityScheme": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelIdRequest"},
                  "example": {"model_id": "squad-tfidf-bigrams"}}}},
                "responses": {"200": {"description": "Unloaded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnloadReport"},
                  "example": {"model_id": "squad-tfidf-bigrams", "was_loaded": true, "released_bytes": 12694312}}}},
                  "403": {"description": "Not an admin", "content": {"application/problem+json": {
                    "example": {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
                                "detail": "Unloading a model needs the admin role; your key has the role 'user'."}}}}}}},
              "/api/v1/datasets": {"post": {"tags": ["Datasets"], "summary": "Upload a Q&A dataset",
                "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"$ref": "#/components/schemas/UploadForm"}}}},
                "responses": {"201": {"description": "Stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DatasetView"}}}}}},
                "get": {"tags": ["Datasets"], "summary": "List datasets",
                "responses": {"200": {"description": "Datasets", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/DatasetView"}}}}}}}},
              "/api/v1/documents/search": {"post": {"tags": ["Documents"], "summary": "Search your documents",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/DocumentSearchRequest"}}}},
                "responses": {"200": {"description": "Hits", "content": {"application/json": {"schema": {"type": "object"}}}}}}}
             },
             "components": {
              "schemas": {
               "Instant": {"format": "date-time", "type": "string"},
               "ModelIdRequest": {"type": "object", "required": ["model_id"], "properties": {"model_id": {"type": "string"}}},
               "ModelView": {"type": "object", "properties": {"model_id": {"type": "string"}, "model_type": {"type": "string"},
                 "dataset_id": {"type": "string"}, "created_at": {"$ref": "#/components/schemas/Instant"}, "loaded": {"type": "boolean"},
                 "memory_bytes": {"type": ["integer", "null"], "format": "int64"}}},
               "UnloadReport": {"type": "object", "properties": {"model_id": {"type": "string"}, "was_loaded": {"type": "boolean"},
                 "released_bytes": {"type": "integer", "format": "int64"}}},
               "UploadForm": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}, "name": {"type": "string"}}},
               "DatasetView": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "rows": {"type": "integer"},
                 "uploaded_at": {"$ref": "#/components/schemas/Instant"}}},
               "DocumentSearchRequest": {"type": "object", "properties": {"query": {"type": "string"}, "top_k": {"type": "integer"}}}
              },
              "securitySchemes": {"SecurityScheme": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
             }}""";

    static final String INFERENCE = """
            {"openapi": "3.1.0",
             "info": {"title": "inference-service", "version": "0.1.0"},
             "tags": [{"name": "Classifiers", "description": "Register, load, unload and retrain emotion classifiers"},
                      {"name": "Prediction", "description": "Emotion labels for texts"},
                      {"name": "Comments", "description": "User comments and their emotion labels"}],
             "paths": {
              "/api/v1/predict": {"post": {"tags": ["Prediction"], "summary": "Predict emotions",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PredictRequest"},
                  "example": {"texts": ["I love this!"]}}}},
                "responses": {"200": {"description": "Labels", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PredictResponse"}}}}}}},
              "/api/v1/models": {"get": {"tags": ["Classifiers"], "summary": "Old path of the classifier listing",
                "responses": {"200": {"description": "Classifiers", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/OldModelView"}}}}}}}},
              "/api/v1/classifiers": {"get": {"tags": ["Classifiers"], "operationId": "list",
                "responses": {"200": {"description": "Classifiers", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ModelView"}}}}}}}},
              "/api/v1/classifiers/{id}/unload": {"post": {"tags": ["Classifiers"],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "Unloaded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnloadReport"}}}}}}},
              "/api/v1/comments": {"get": {"tags": ["Comments"], "summary": "List your comments",
                "responses": {"200": {"description": "A page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CommentPage"}}}}}}}
             },
             "components": {
              "schemas": {
               "Instant": {"format": "date-time", "type": "string"},
               "PredictRequest": {"type": "object", "properties": {"texts": {"type": "array", "items": {"type": "string"}}}},
               "PredictResponse": {"type": "object", "properties": {"labels": {"type": "array", "items": {"type": "string"}}}},
               "ModelView": {"type": "object", "properties": {"id": {"type": "string"}, "version": {"type": "string"}, "state": {"type": "string"},
                 "loaded_at": {"$ref": "#/components/schemas/Instant"}}},
               "UnloadReport": {"type": "object", "properties": {"id": {"type": "string"}, "was_loaded": {"type": "boolean"}, "closed": {"type": "boolean"}}},
               "OldModelView": {"type": "object", "properties": {"id": {"type": "string"}}},
               "CommentPage": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object"}}, "total": {"type": "integer"}}}
              },
              "securitySchemes": {"SecurityScheme": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
             }}""";

    private UpstreamFixtures() {
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A committed contract, e.g. {@code metadata-service}: the real document's paths and components. */
    static String contract(String service) {
        Path file = Path.of("..", "contracts", service + ".openapi.json");
        try {
            return Files.readString(Files.isRegularFile(file) ? file : Path.of("contracts", service + ".openapi.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
