package ai.datasuite.ingest.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Protein Data Bank (PDB) fixed-column format: recognises it by its record names and reads the
 * header facts. Columns below are 1-based as in the wwPDB format guide.
 */
final class PdbRecords {

    /** Record names that can open a PDB file or fill its first lines. */
    private static final Set<String> RECORD_NAMES = Set.of(
            "HEADER", "OBSLTE", "TITLE", "SPLIT", "CAVEAT", "COMPND", "SOURCE", "KEYWDS", "EXPDTA",
            "NUMMDL", "MDLTYP", "AUTHOR", "REVDAT", "SPRSDE", "JRNL", "REMARK", "DBREF", "DBREF1",
            "DBREF2", "SEQADV", "SEQRES", "MODRES", "HET", "HETNAM", "HETSYN", "FORMUL", "HELIX",
            "SHEET", "SSBOND", "LINK", "CISPEP", "SITE", "CRYST1", "ORIGX1", "ORIGX2", "ORIGX3",
            "SCALE1", "SCALE2", "SCALE3", "MTRIX1", "MTRIX2", "MTRIX3", "MODEL", "ATOM", "ANISOU",
            "TER", "HETATM", "ENDMDL", "CONECT", "MASTER", "END");

    private static final int SNIFF_LINES = 20;
    /** PDB lines are 80 columns; anything longer is cut so a hostile line cannot fill the heap. */
    private static final int MAX_LINE = 256;
    private static final Pattern RESOLUTION =
            Pattern.compile("RESOLUTION\\.\\s+([0-9]+(?:\\.[0-9]+)?)\\s+ANGSTROM");

    private PdbRecords() {
    }

    /** True when the first lines are (almost all) PDB records and the very first one is. */
    static boolean looksLikePdb(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return looksLikePdb(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Same, on the first bytes of a stream (an archive entry's head). */
    static boolean looksLikePdb(InputStream in) throws IOException {
        {
            int seen = 0;
            int matching = 0;
            String line;
            while (seen < SNIFF_LINES && (line = readLine(in)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                boolean record = RECORD_NAMES.contains(recordName(line));
                if (seen == 0 && !record) {
                    return false;
                }
                seen++;
                if (record) {
                    matching++;
                }
            }
            return seen >= 2 && matching * 10 >= seen * 9;
        }
    }

    /** Reads the whole file once, line by line, and returns the header facts, within the default bounds. */
    static Map<String, Object> summarize(Path file) {
        return summarize(file, AnalysisLimits.Details.defaults());
    }

    /**
     * Reads the whole file once, line by line, and returns the header facts. What is kept while reading is bounded
     * (title and experiment text, chains, distinct residues), whatever the file's size; a cut sets
     * {@code truncated: true}.
     */
    static Map<String, Object> summarize(Path file, AnalysisLimits.Details limits) {
        Summary summary = new Summary(limits);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            String line;
            while ((line = readLine(in)) != null) {
                summary.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return summary.facts();
    }

    /** Record name: columns 1-6 without trailing blanks ("ATOM  " is ATOM, "END" alone is END). */
    static String recordName(String line) {
        return column(line, 1, 6);
    }

    /** Columns from..to (1-based, inclusive), trimmed; "" when the line is shorter. */
    static String column(String line, int from, int to) {
        if (line.length() < from) {
            return "";
        }
        return line.substring(from - 1, Math.min(to, line.length())).trim();
    }

    /** ASCII line reader that caps line length; returns null at end of input. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(82);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (b != '\r' && sb.length() < MAX_LINE) {
                sb.append((char) b);
            }
            b = in.read();
        }
        return sb.toString();
    }

    /** Accumulates facts from records in file order, keeping at most what the limits allow. */
    static final class Summary {
        private final AnalysisLimits.Details limits;
        private String idCode;
        private String classification;
        private String depositionDate;
        private final StringBuilder title = new StringBuilder();
        private final StringBuilder experiment = new StringBuilder();
        private Double resolution;
        private final Set<String> chains = new TreeSet<>();
        private final Set<String> residues = new HashSet<>();
        private long atoms;
        private long hetatms;
        private int models;
        private boolean truncated;

        Summary(AnalysisLimits.Details limits) {
            this.limits = limits;
        }

        /** Characters and items held right now: bounded by the limits, not by the file. */
        long retained() {
            return title.length() + experiment.length() + chains.size() + residues.size();
        }

        void accept(String line) {
            switch (recordName(line)) {
                case "HEADER" -> {
                    classification = emptyToNull(column(line, 11, 50));
                    depositionDate = emptyToNull(column(line, 51, 59));
                    idCode = emptyToNull(column(line, 63, 66));
                }
                case "TITLE" -> continued(title, column(line, 11, 80));
                case "EXPDTA" -> continued(experiment, column(line, 11, 79));
                case "REMARK" -> {
                    if (resolution == null && column(line, 8, 10).equals("2")) {
                        Matcher m = RESOLUTION.matcher(line);
                        if (m.find()) {
                            resolution = Double.valueOf(m.group(1));
                        }
                    }
                }
                case "MODEL" -> models++;
                case "ATOM" -> {
                    atoms++;
                    atom(line);
                    // Residue: chain (22), resSeq (23-26), iCode (27).
                    String residue = column(line, 22, 22) + '|' + column(line, 23, 26) + '|' + column(line, 27, 27);
                    if (residues.size() < limits.maxPdbResidues()) {
                        residues.add(residue);
                    } else if (!residues.contains(residue)) {
                        truncated = true; // the count is now a lower bound
                    }
                }
                case "HETATM" -> {
                    hetatms++;
                    atom(line);
                }
                default -> {
                }
            }
        }

        private void atom(String line) {
            String chain = column(line, 22, 22);
            if (!chain.isEmpty() && !chains.contains(chain)) {
                if (chains.size() < limits.maxItems()) {
                    chains.add(chain);
                } else {
                    truncated = true;
                }
            }
        }

        /** A continuation line carries on the text; once past the value limit the rest is dropped. */
        private void continued(StringBuilder text, String part) {
            if (text.length() > limits.maxValueChars()) {
                truncated = true;
                return;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(part);
        }

        Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            putIfPresent(facts, "id_code", idCode);
            putIfPresent(facts, "classification", classification);
            putIfPresent(facts, "deposition_date", depositionDate);
            putIfPresent(facts, "title", joinContinued(title));
            putIfPresent(facts, "experiment", joinContinued(experiment));
            if (truncated) {
                facts.put(DetailsBound.TRUNCATED, true);
            }
            putIfPresent(facts, "resolution", resolution);
            facts.put("chains", List.copyOf(chains));
            facts.put("atom_count", atoms + hetatms);
            facts.put("atom_record_count", atoms);
            facts.put("hetatm_record_count", hetatms);
            facts.put("residue_count", residues.size());
            if (models > 0) {
                facts.put("model_count", models);
            }
            return facts;
        }

        /** Continuation lines carry on the text; a line's words may be split only at blanks. */
        private String joinContinued(StringBuilder parts) {
            String joined = parts.toString().replaceAll("\\s+", " ").trim();
            if (joined.length() > limits.maxValueChars()) {
                truncated = true;
                joined = joined.substring(0, limits.maxValueChars() - 1) + "…";
            }
            return joined.isEmpty() ? null : joined;
        }

        private static String emptyToNull(String s) {
            return s.isEmpty() ? null : s;
        }

        private static void putIfPresent(Map<String, Object> map, String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
        }
    }
}
