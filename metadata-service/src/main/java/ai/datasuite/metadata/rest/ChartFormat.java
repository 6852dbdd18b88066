package ai.datasuite.metadata.rest;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import ai.datasuite.metadata.common.InvalidField;

/** JSON or PNG for the endpoints that answer a chart either way (evaluations, tasks, product counts). */
final class ChartFormat {

    private ChartFormat() {
    }

    /** {@code format} decides when given; else the first of JSON and PNG the Accept header names exactly. */
    static boolean wantsPng(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "png" -> true;
                case "json" -> false;
                default -> throw InvalidField.problem("format", "must be json or png", "format must be json or png,"
                        + " not '" + (format.length() > 40 ? format.substring(0, 40) + "…" : format) + "'");
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.getType().equals("image") && type.getSubtype().equals("png")) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
