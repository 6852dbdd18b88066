package ai.datasuite.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdbRecordsTest {

    @TempDir
    Path tmp;

    // Columns follow the wwPDB format: chain at 22, resSeq 23-26, iCode 27.
    private static final String PDB = String.join("\n",
            "HEADER    HYDROLASE                               01-JAN-20   9XYZ              ",
            "TITLE     A LONG TITLE THAT GOES ON                                            ",
            "TITLE    2 ONTO A SECOND LINE                                                  ",
            "EXPDTA    SOLUTION NMR                                                         ",
            "REMARK   2 RESOLUTION. NOT APPLICABLE.                                         ",
            "MODEL        1                                                                  ",
            "ATOM      1  N   MET A   1      11.104  13.207   2.100  1.00  0.00           N  ",
            "ATOM      2  CA  MET A   1      12.560  13.207   2.100  1.00  0.00           C  ",
            "ATOM      3  N   GLY A   1A     13.104  13.207   2.100  1.00  0.00           N  ",
            "ATOM      4  N   ALA B   1      14.104  13.207   2.100  1.00  0.00           N  ",
            "HETATM    5  O   HOH C 101      15.104  13.207   2.100  1.00  0.00           O  ",
            "ENDMDL                                                                          ",
            "END",
            "");

    @Test
    void summarizesHeaderAndAtoms() throws Exception {
        Path file = Files.writeString(tmp.resolve("x.pdb"), PDB);
        assertTrue(PdbRecords.looksLikePdb(file));
        Map<String, Object> facts = PdbRecords.summarize(file);
        assertEquals("9XYZ", facts.get("id_code"));
        assertEquals("HYDROLASE", facts.get("classification"));
        assertEquals("01-JAN-20", facts.get("deposition_date"));
        assertEquals("A LONG TITLE THAT GOES ON ONTO A SECOND LINE", facts.get("title"));
        assertEquals("SOLUTION NMR", facts.get("experiment"));
        assertFalse(facts.containsKey("resolution"), "NOT APPLICABLE is no resolution");
        assertEquals(List.of("A", "B", "C"), facts.get("chains"));
        assertEquals(4L, facts.get("atom_record_count"));
        assertEquals(1L, facts.get("hetatm_record_count"));
        assertEquals(5L, facts.get("atom_count"));
        assertEquals(3, facts.get("residue_count"), "A1, A1 with insertion code A, B1");
        assertEquals(1, facts.get("model_count"));
    }

    @Test
    void proseIsNotPdb() throws Exception {
        Path essay = Files.writeString(tmp.resolve("essay.txt"), "TITLE: my essay\nHEADER stuff\nSome prose.\n");
        assertFalse(PdbRecords.looksLikePdb(essay));
        Path mostlyProse = Files.writeString(tmp.resolve("m.txt"), "HEADER    X\nhello\nworld\nagain\n");
        assertFalse(PdbRecords.looksLikePdb(mostlyProse));
    }

    @Test
    void hugeLinesDoNotFillTheHeap() throws Exception {
        Path file = tmp.resolve("long.pdb");
        Files.writeString(file, "HEADER    " + "X".repeat(5_000_000) + "\nATOM      1  N   MET A   1\n");
        Map<String, Object> facts = PdbRecords.summarize(file);
        assertEquals(1L, facts.get("atom_count"));
    }
}
