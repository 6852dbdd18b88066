package ai.datasuite.metadata.rest;

import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.metadata.chart.BarCharts;
import ai.datasuite.metadata.task.TaskChartService;
import ai.datasuite.metadata.task.TaskChartViews;
import ai.datasuite.problem.Problems;

/**
 * Charts over all tasks, as JSON (default) or PNG ({@code ?format=png} or {@code Accept: image/png}). A class of its
 * own under the literal {@code /api/v1/tasks/charts}, so the paths are never read as a task id.
 */
@Path("/api/v1/tasks/charts")
@Tag(name = "Tasks", description = "GAIA-style benchmark tasks and their files")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class TaskChartResource {

    private static final String FILE_TYPES_EXAMPLE = """
            {"total_tasks": 7, "file_types": [{"key": "none", "count": 3}, {"key": "xlsx", "count": 2},
             {"key": "mp3", "count": 1}, {"key": "png", "count": 1}]}""";
    private static final String ANNOTATIONS_EXAMPLE = """
            {"total_tasks": 7,
             "number_of_steps": [{"key": "2", "count": 3}, {"key": "5", "count": 3}, {"key": "unknown", "count": 1}],
             "number_of_tools": [{"key": "1", "count": 4}, {"key": "2", "count": 2}, {"key": "unknown", "count": 1}],
             "tools": [{"key": "web browser", "count": 4}, {"key": "search engine", "count": 3},
                       {"key": "spreadsheet editor", "count": 2}],
             "distinct_tools": 3}""";
    private static final String PNG_EXAMPLE = "\\x89PNG...";
    private static final String FORMAT_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "format must be json or png, not 'svg'"}""";

    private final TaskChartService service;

    public TaskChartResource(TaskChartService service) {
        this.service = service;
    }

    @GET
    @Path("/file-types")
    @Produces({MediaType.APPLICATION_JSON, BarCharts.MEDIA_TYPE})
    @Operation(summary = "Tasks per file type",
            description = "The lower-case extension of each task's file_name; 'none' for tasks without a file. JSON by"
                    + " default; a bar chart with ?format=png or Accept: image/png. Any caller.")
    @APIResponse(responseCode = "200", description = "The counts, or their bar chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskChartViews.FileTypes.class),
                    examples = @ExampleObject(name = "file-types", value = FILE_TYPES_EXAMPLE)),
            @Content(mediaType = BarCharts.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "png", summary = "PNG bytes", value = PNG_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "format is neither json nor png",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "format", value = FORMAT_EXAMPLE)))
    public Response fileTypes(@Parameter(description = "json (default) or png", example = "png",
                                      schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "png"}))
                              @QueryParam("format") String format,
                              @Context HttpHeaders headers) {
        return answer(format, headers, service::fileTypes, service::fileTypesPng);
    }

    @GET
    @Path("/annotations")
    @Produces({MediaType.APPLICATION_JSON, BarCharts.MEDIA_TYPE})
    @Operation(summary = "The annotators' steps and tools",
            description = "Tasks per number_of_steps and per number_of_tools, and the tools named most often in the"
                    + " Annotator Metadata 'Tools' text (one a line, numbering dropped, lower case; a task counts once"
                    + " per tool), at most metadata.tasks.chart-top-tools. JSON by default; three bar charts in one"
                    + " PNG with ?format=png or Accept: image/png. Any caller.")
    @APIResponse(responseCode = "200", description = "The distributions, or their bar charts", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskChartViews.Annotations.class),
                    examples = @ExampleObject(name = "annotations", value = ANNOTATIONS_EXAMPLE)),
            @Content(mediaType = BarCharts.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "png", summary = "PNG bytes", value = PNG_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "format is neither json nor png",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "format", value = FORMAT_EXAMPLE)))
    public Response annotations(@Parameter(description = "json (default) or png", example = "png",
                                        schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "png"}))
                                @QueryParam("format") String format,
                                @Context HttpHeaders headers) {
        return answer(format, headers, service::annotations, service::annotationsPng);
    }

    private static Response answer(String format, HttpHeaders headers, Supplier<Object> json, Supplier<byte[]> png) {
        if (ChartFormat.wantsPng(format, headers)) {
            return Response.ok(png.get(), BarCharts.MEDIA_TYPE).header("Cache-Control", "no-store").build();
        }
        return Response.ok(json.get(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
