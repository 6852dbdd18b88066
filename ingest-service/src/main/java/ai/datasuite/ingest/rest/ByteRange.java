package ai.datasuite.ingest.rest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.datasuite.problem.ProblemException;

/** One HTTP byte range (RFC 9110 §14.1.2); several ranges or odd syntax are ignored, as the RFC allows. */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The range asked for, null for the whole file; 416 when it lies outside a file of {@code size} bytes. */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            ByteRange range;
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                range = suffix == 0 ? null : new ByteRange(Math.max(0, size - suffix), size - 1);
            } else {
                long first = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                    return null; // "bytes=10-5" is invalid, and an invalid range is ignored
                }
                long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                range = first <= last ? new ByteRange(first, last) : null;
            }
            if (range == null || range.first >= size) {
                throw unsatisfiable(header, size);
            }
            return range;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String header() {
        return "bytes=" + first + "-" + last;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** RFC 9110: an unsatisfiable range is answered with the representation's length in Content-Range. */
    private static ProblemException unsatisfiable(String header, long size) {
        return new ProblemException(416, "range-not-satisfiable", "Range not satisfiable",
                "'" + header + "' lies outside the file's " + size + " bytes", Map.of("size_bytes", size))
                .withHeader("Content-Range", "bytes */" + size);
    }
}
