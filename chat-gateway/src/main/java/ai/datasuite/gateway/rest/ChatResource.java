package ai.datasuite.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.chat.ChatAnswer;
import ai.datasuite.gateway.chat.ChatRequest;
import ai.datasuite.gateway.chat.ChatService;
import ai.datasuite.gateway.chat.ChatStream;
import ai.datasuite.gateway.chat.Turn;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.Problems;

/**
 * {@code POST /api/chat}. One endpoint answers JSON or server-sent events by the body's {@code stream}: Quarkus REST
 * fixes SSE per method at build time (return type {@code Multi}, an {@code SseEventSink} parameter), so the events
 * are written through a {@code StreamingOutput}, flushed per event, on this request's worker thread.
 */
@Path("/api/chat")
@Tag(name = "Chat", description = "Questions answered from your documents and the notice board (RAG), by an LLM"
        + " when one is configured, else with the best sentences of the sources; conversations keep the memory.")
public class ChatResource {

    static final String REQUEST_EXAMPLE = """
            {"query": "When is the library closed?", "top_k": 3}""";
    static final String STREAM_REQUEST_EXAMPLE = """
            {"query": "When is the library closed?", "conversation_id": "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d",
             "stream": true}""";
    static final String LLM_EXAMPLE = """
            {"answer": "The library is closed on public holidays [1].", "mode": "llm", "model": "gpt-4o-mini",
             "conversation_id": "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d", "message_id": 42,
             "citations": [{"file_id": "notice:5b0e6f3c-2a47-4d8e-9c1f-6a2b3c4d5e6f", "document_id": null,
                            "chunk": 0, "score": 0.83, "text": "The library is closed on public holidays.",
                            "source": "notice", "notice_id": "5b0e6f3c-2a47-4d8e-9c1f-6a2b3c4d5e6f"}]}""";
    static final String EXTRACTIVE_EXAMPLE = """
            {"answer": "The library is closed on public holidays. It opens at 9 on Sundays.", "mode": "extractive",
             "model": null, "conversation_id": "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d", "message_id": 42,
             "citations": [{"file_id": "f-42", "document_id": null, "chunk": 3, "score": 0.77,
                            "text": "The library is closed on public holidays. It opens at 9 on Sundays.",
                            "source": "document"}],
             "note": "the LLM at 127.0.0.1:8000 failed: HTTP 500; answered from your documents instead."}""";
    static final String SSE_EXAMPLE = """
            event: token
            data: {"text":"The library"}

            event: token
            data: {"text":" is closed on public holidays [1]."}

            event: citations
            data: [{"file_id":"f-42","document_id":null,"chunk":3,"score":0.77,"text":"...","source":"document"}]

            event: done
            data: {"conversation_id":"7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d","message_id":42,"mode":"llm",\
            "model":"gpt-4o-mini"}
            """;
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "top_k must be between 1 and 20 (gateway.chat.max-top-k)",
             "errors": [{"field": "top_k", "message": "must be between 1 and 20 (gateway.chat.max-top-k)"}]}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "'user_id' names another user ('bob'); you may act only as 'alice'. Leave 'user_id' out to\
             use your own."}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No conversation 7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d"}""";
    static final String UNAVAILABLE_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:retrieval-service-unavailable", "title": "Service unavailable",
             "status": 503, "detail": "retrieval-service is unavailable"}""";

    private final ChatService chat;
    private final ChatStream stream;
    private final Caller caller;

    public ChatResource(ChatService chat, ChatStream stream, Caller caller) {
        this.chat = chat;
        this.stream = stream;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Operation(summary = "Ask a question about your documents and the notices",
            description = "Retrieves the best chunks of the caller's documents and of the public notices, and answers"
                    + " with the configured LLM (OpenAI or an OpenAI-compatible server) from a prompt that quotes"
                    + " them as data; without an LLM, or when it fails, the answer is the best sentences of the"
                    + " sources (mode extractive, with a note saying why). The conversation (new when"
                    + " conversation_id is left out) stores the question and the answer with its citations; its"
                    + " last gateway.chat.memory-window messages are the chat's memory. stream: true answers"
                    + " text/event-stream: token events ({text}), one citations event (the array), then done"
                    + " ({conversation_id, message_id, mode, model, note?}); an LLM failure after tokens began"
                    + " sends an error event ({detail}) before done. Rate an answer with PUT"
                    + " /api/v1/conversations/{conversation_id}/messages/{message_id}/rating.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChatRequest.class),
            examples = {@ExampleObject(name = "plain", value = REQUEST_EXAMPLE),
                        @ExampleObject(name = "streamed, continuing a conversation", value = STREAM_REQUEST_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The answer (JSON), or its events when stream is true",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChatAnswer.class),
                            examples = {@ExampleObject(name = "llm", value = LLM_EXAMPLE),
                                        @ExampleObject(name = "extractive", value = EXTRACTIVE_EXAMPLE)}),
                       @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                            examples = @ExampleObject(name = "events", value = SSE_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "query blank or too long, top_k out of range, a malformed"
            + " conversation_id or user_id",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "user_id names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign user", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "conversation_id is unknown or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "503", description = "retrieval-service or metadata-service cannot be reached",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unavailable", value = UNAVAILABLE_EXAMPLE)))
    public Response chat(ChatRequest request) {
        Turn turn = chat.begin(request, caller);
        if (request.streamed()) {
            return Response.ok(stream.events(turn), MediaType.SERVER_SENT_EVENTS)
                    .header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no")
                    .build();
        }
        return Response.ok(chat.answer(turn), MediaType.APPLICATION_JSON).build();
    }
}
