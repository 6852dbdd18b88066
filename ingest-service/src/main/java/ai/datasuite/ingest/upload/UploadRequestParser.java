package ai.datasuite.ingest.upload;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import ai.datasuite.problem.ProblemException;

/** Reads and validates the {@code metadata} part of an upload: JSON {user_id?, data_type, task_id?, tags?}. */
@ApplicationScoped
public class UploadRequestParser {

    /** Bound to the type once: resolving it on every call showed in the profile of small uploads. */
    private final ObjectReader json;
    private final Validator validator;

    public UploadRequestParser(ObjectMapper json, Validator validator) {
        this.json = json.readerFor(UploadRequest.class);
        this.validator = validator;
    }

    public UploadRequest parse(String metadataJson) {
        if (metadataJson == null || metadataJson.isBlank()) {
            throw new ProblemException(400, ProblemException.VALIDATION, "Missing metadata",
                    "the multipart part 'metadata' is required: JSON {\"data_type\", \"user_id\"?, \"task_id\"?, \"tags\"?}");
        }
        UploadRequest request;
        try {
            request = json.readValue(metadataJson);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ProblemException(400, ProblemException.VALIDATION, "Malformed metadata",
                    "the 'metadata' part must be a JSON object {\"data_type\": string, \"user_id\"?: string, "
                            + "\"task_id\"?: string, \"tags\"?: [string]}; it could not be read" + where);
        }
        if (request == null) {
            throw new ProblemException(400, ProblemException.VALIDATION, "Malformed metadata",
                    "the 'metadata' part is JSON null");
        }
        Set<ConstraintViolation<UploadRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
