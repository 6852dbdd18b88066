package ai.datasuite.metadata.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The plain functions behind steps versions and task charts: parsing, numbering, the LCS diff, file types, tools. */
class StepsParsingTest {

    @Test
    void importedStepsLoseNumberingAndBlankLines() {
        assertEquals(List.of("Open the file.", "Sum it", "10) is kept once", "No number"),
                StepsText.parse("1. Open the file.\r\n\n  2)  Sum it  \n3. 10) is kept once\nNo number\n   \n"));
        assertEquals(List.of(), StepsText.parse(null));
        assertEquals(List.of(), StepsText.parse(" \n "));
        assertEquals("1. a\n2. b", StepsText.format(List.of("a", "b")));
        assertNull(StepsText.format(List.of()));
        assertEquals(List.of("a", "2. b"), StepsText.parse(StepsText.format(List.of("a", "2. b"))));
    }

    @Test
    void diffKeepsTheLongestCommonStepsAndMarksTheRest() {
        assertEquals(List.of(line("unchanged", "a"), line("removed", "b"), line("added", "x"), line("unchanged", "c"),
                        line("added", "d")),
                StepsDiff.of(List.of("a", "b", "c"), List.of("a", "x", "c", "d")));
        assertEquals(List.of(line("added", "a")), StepsDiff.of(List.of(), List.of("a")));
        assertEquals(List.of(line("removed", "a"), line("removed", "b")), StepsDiff.of(List.of("a", "b"), List.of()));
        // A moved step: one copy stays, the other is removed and added.
        assertEquals(List.of(line("removed", "a"), line("unchanged", "b"), line("added", "a")),
                StepsDiff.of(List.of("a", "b"), List.of("b", "a")));
        assertEquals(List.of(line("unchanged", "a"), line("unchanged", "a")),
                StepsDiff.of(List.of("a", "a"), List.of("a", "a")));
    }

    @Test
    void fileTypeIsTheLowerCaseExtension() {
        assertEquals("xlsx", TaskChartService.fileType("5b2f.XLSX"));
        assertEquals("gz", TaskChartService.fileType("dir/archive.tar.gz"));
        assertEquals("png", TaskChartService.fileType("C:\\files\\a.png"));
        assertEquals("none", TaskChartService.fileType(null));
        assertEquals("none", TaskChartService.fileType("  "));
        assertEquals("none", TaskChartService.fileType("README"));
        assertEquals("none", TaskChartService.fileType(".hidden"));
        assertEquals("none", TaskChartService.fileType("trailing."));
        assertEquals("none", TaskChartService.fileType("dir.v2/README"));
    }

    @Test
    void toolsAreOneALineWithoutMarkersOrCase() {
        assertEquals(Set.of("web browser", "search engine", "calculator"),
                TaskChartService.tools("1. Web browser\n2) Search  engine.\n- calculator;\n* Web Browser\n\n"));
        assertEquals(Set.of(), TaskChartService.tools("None"));
        assertEquals(Set.of(), TaskChartService.tools("1. none\n2. No tools"));
        assertEquals(Set.of("image recognition tools (to identify fruits)"),
                TaskChartService.tools("• Image recognition tools (to identify fruits)"));
    }

    private static StepsDiff.Line line(String op, String step) {
        return new StepsDiff.Line(op, step);
    }
}
