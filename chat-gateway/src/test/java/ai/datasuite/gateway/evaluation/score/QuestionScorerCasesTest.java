package ai.datasuite.gateway.evaluation.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.datasuite.gateway.evaluation.score.GaiaCases.ScorerCase;

/** The Java scorer agrees with the official Python one on every case it was run on (scorer-cases.json). */
class QuestionScorerCasesTest {

    @Test
    void agreesWithTheOfficialScorerOnEveryCase() {
        List<ScorerCase> cases = GaiaCases.scorer();
        List<String> disagreements = new ArrayList<>();

        for (ScorerCase c : cases) {
            Score score = QuestionScorer.score(c.answer(), c.truth());
            if (score.correct() != c.correct() || !score.kind().equals(c.kind())
                    || !score.normalizedAnswer().equals(c.normalizedAnswer())
                    || !score.normalizedTruth().equals(c.normalizedTruth())) {
                disagreements.add(GaiaCases.show(c.answer()) + " vs " + GaiaCases.show(c.truth()) + ": Python "
                        + c.correct() + "/" + c.kind() + "/" + GaiaCases.show(c.normalizedAnswer()) + "/"
                        + GaiaCases.show(c.normalizedTruth()) + ", Java " + score.correct() + "/" + score.kind() + "/"
                        + GaiaCases.show(score.normalizedAnswer()) + "/" + GaiaCases.show(score.normalizedTruth()));
            }
        }

        assertEquals(List.of(), disagreements, disagreements.size() + " of " + cases.size() + " disagree");
    }

    @Test
    void theCasesCoverEveryBranchBothWays() {
        List<ScorerCase> cases = GaiaCases.scorer();

        assertTrue(cases.size() >= 100, cases.size() + " cases");
        for (String kind : Set.of(Score.NUMBER, Score.LIST, Score.STRING)) {
            for (boolean correct : new boolean[] {true, false}) {
                assertTrue(cases.stream().anyMatch(c -> c.kind().equals(kind) && c.correct() == correct),
                        kind + " " + correct);
            }
        }
        assertTrue(cases.stream().anyMatch(c -> c.answer() == null), "a null answer");
        assertTrue(cases.stream().anyMatch(c -> c.truth().equals("inf") && c.correct()
                && !PythonFloat.isFloat(c.answer())), "the inf quirk");
    }
}
