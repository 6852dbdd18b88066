package ai.datasuite.metadata.rest;

/** The OpenAPI examples of {@link EvaluationResource}, kept apart so the resource stays readable. */
final class EvaluationExamples {

    static final String CREATE = """
            {"model": "gpt-4o-mini", "prompt_template": null, "use_steps": false, "concurrency": 2,
             "filter": {"task_ids": null, "levels": [1, 2], "has_file": true}}""";
    static final String RUN = """
            {"id": "3f2b8c1e-9a7d-4e6f-8b5a-2c1d0e9f8a7b", "owner": "alice", "owner_role": "annotator",
             "model": "gpt-4o-mini", "prompt_template": null, "use_steps": false, "vision": null, "concurrency": 2,
             "filter": {"task_ids": null, "levels": [1, 2], "has_file": true},
             "status": "running", "total": 4, "done": 3, "errors": 1, "correct": 1, "progress": 0.75,
             "accuracy": 0.3333333333333333,
             "by_level": [{"key": "1", "total": 2, "done": 2, "errors": 0, "correct": 1, "accuracy": 0.5},
                          {"key": "2", "total": 2, "done": 1, "errors": 1, "correct": 0, "accuracy": 0.0}],
             "by_file_type": [{"key": "pdf", "total": 2, "done": 1, "errors": 1, "correct": 0, "accuracy": 0.0},
                              {"key": "xlsx", "total": 2, "done": 2, "errors": 0, "correct": 1, "accuracy": 0.5}],
             "error": null, "created_at": "2026-12-02T10:15:30.123456Z", "started_at": "2026-12-02T10:15:31.5Z",
             "finished_at": null}""";
    static final String RESULT = """
            {"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "level": 1, "file_type": "xlsx",
             "question": "What were the total sales of food?", "ground_truth": "89706.00", "status": "done",
             "prompt": "You are a general AI assistant... What were the total sales of food?",
             "raw_answer": "The food rows sum to 89706. FINAL ANSWER: 89706.00", "final_answer": "89706.00",
             "correct": true, "score_kind": "number", "latency_ms": 1840, "input_tokens": 1520, "output_tokens": 64,
             "attempts": 1, "error": null, "truncated": false, "notes": null, "steps_version": 2,
             "steps_used": true, "updated_at": "2026-12-02T10:16:02.654321Z"}""";
    static final String RESULT_WRITE = """
            {"status": "done", "prompt": "You are a general AI assistant... What were the total sales of food?",
             "raw_answer": "The food rows sum to 89706. FINAL ANSWER: 89706.00", "final_answer": "89706.00",
             "correct": true, "score_kind": "number", "latency_ms": 1840, "input_tokens": 1520, "output_tokens": 64,
             "attempts": 1, "error": null, "truncated": false, "notes": null, "steps_version": 2,
             "steps_used": true}""";
    static final String COMPARE = """
            {"a": {"id": "3f2b8c1e-9a7d-4e6f-8b5a-2c1d0e9f8a7b", "model": "gpt-4o-mini",
                   "created_at": "2026-12-02T10:15:30.123456Z", "done": 4, "correct": 1, "accuracy": 0.25},
             "b": {"id": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "model": "gpt-4o-mini",
                   "created_at": "2026-12-02T11:02:10.5Z", "done": 4, "correct": 2, "accuracy": 0.5},
             "common_tasks": 4,
             "right_to_wrong": [],
             "wrong_to_right": [{"task_id": "7bd855d8-463d-4ed5-93ca-5fe35145f733", "level": 1, "file_type": "xlsx",
                                 "steps_edited": true, "steps_version_a": 1, "steps_version_b": 2}],
             "by_level": [{"level": 1, "right_to_wrong": 0, "wrong_to_right": 1, "stayed_right": 1,
                           "stayed_wrong": 0},
                          {"level": 2, "right_to_wrong": 0, "wrong_to_right": 0, "stayed_right": 0,
                           "stayed_wrong": 2}],
             "flipped_with_steps_edited": 1}""";
    static final String ACCURACY_CHART = """
            {"levels": [1, 2], "runs": [{"id": "3f2b8c1e-9a7d-4e6f-8b5a-2c1d0e9f8a7b", "model": "gpt-4o-mini",
             "created_at": "2026-12-02T10:15:30.123456Z", "done": 4, "correct": 1, "accuracy": 0.25,
             "by_level": [{"level": 1, "done": 2, "correct": 1, "accuracy": 0.5},
                          {"level": 2, "done": 2, "correct": 0, "accuracy": 0.0}]}]}""";
    static final String LATENCY_CHART = """
            {"id": "3f2b8c1e-9a7d-4e6f-8b5a-2c1d0e9f8a7b", "count": 3, "min_ms": 900, "median_ms": 1840,
             "max_ms": 2400, "bins": [{"from_ms": 900, "to_ms": 1651, "count": 1},
                                      {"from_ms": 1651, "to_ms": 2402, "count": 2}]}""";
    static final String FLIP_CHART = """
            {"a": "3f2b8c1e-9a7d-4e6f-8b5a-2c1d0e9f8a7b", "b": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
             "common_tasks": 4, "by_level": [{"level": 1, "right_to_wrong": 0, "wrong_to_right": 1,
             "stayed_right": 1, "stayed_wrong": 0}]}""";
    static final String NOT_FOUND = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No evaluation 3f2b8c1e-9a7d-4e6f-8b5a-2c1d0e9f8a7b"}""";
    static final String NOT_ANNOTATOR = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Evaluation runs need the annotator or admin role; your key has the role 'user'."}""";
    static final String INTERNAL = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Recording evaluation results is internal to the suite; services call it, people do not."}""";
    static final String CONFLICT = """
            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "Evaluation 3f2b8c1e-9a7d-4e6f-8b5a-2c1d0e9f8a7b is cancelled; it cannot become running\
             (it has ended)"}""";
    static final String NO_MATCH = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "The filter matches no task; check task_ids, levels and has_file",
             "errors": [{"field": "filter", "message": "matches no task"}]}""";
    static final String TOO_MANY = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "The filter matches 2400 tasks; a run takes at most 2000 (metadata.evaluations.max-tasks)"}""";

    private EvaluationExamples() {
    }
}
