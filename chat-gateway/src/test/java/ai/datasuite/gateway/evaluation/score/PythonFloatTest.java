package ai.datasuite.gateway.evaluation.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import ai.datasuite.gateway.evaluation.score.GaiaCases.FloatCase;

/** {@code float(str)} and {@code repr(float)} as CPython 3.11 answered them (float-cases.json), and where Java differs. */
class PythonFloatTest {

    @Test
    void readsAndPrintsEveryCaseAsPython() {
        List<FloatCase> cases = GaiaCases.floats();
        List<String> disagreements = new ArrayList<>();

        for (FloatCase c : cases) {
            OptionalDouble parsed = PythonFloat.parse(c.input());
            String java = parsed.isPresent() ? PythonFloat.repr(parsed.getAsDouble()) : null;
            if (c.repr() == null ? java != null : !c.repr().equals(java)) {
                disagreements.add(GaiaCases.show(c.input()) + ": Python " + c.repr() + ", Java " + java);
            }
        }

        assertTrue(cases.size() >= 100, cases.size() + " cases");
        assertEquals(List.of(), disagreements);
    }

    @Test
    void refusesWhatOnlyJavaReads() {
        for (String javaOnly : List.of("1d", "1f", "0x1p3", "0x10", "\u00001", "1\u001f",
                "Infinityx")) {
            assertFalse(PythonFloat.parse(javaOnly).isPresent(), GaiaCases.show(javaOnly));
        }
        // Java trims every control character; Python only its ASCII white space
        assertEquals(1.0, Double.parseDouble("\u001c1"));
        assertFalse(PythonFloat.parse("\u001c1").isPresent());
    }

    @Test
    void readsWhatOnlyPythonReads() {
        assertEquals(1000.0, PythonFloat.parse("1_000").getAsDouble());
        assertTrue(Double.isNaN(PythonFloat.parse("nAN").getAsDouble()));
        assertEquals(Double.NEGATIVE_INFINITY, PythonFloat.parse("-inf").getAsDouble());
        assertEquals(42.0, PythonFloat.parse("\u0664\u0662").getAsDouble());
        assertEquals(42.0, PythonFloat.parse("\uff14\uff12").getAsDouble());
        assertEquals(42.0, PythonFloat.parse("\u00a042\u3000").getAsDouble());
        assertFalse(PythonFloat.parse(null).isPresent());
    }

    @Test
    void printsTheShortestDigitsInPythonsLayout() {
        assertEquals("89706.0", PythonFloat.repr(89706));
        assertEquals("1e+16", PythonFloat.repr(1e16));
        assertEquals("1000000000000000.0", PythonFloat.repr(1e15));
        assertEquals("1e-05", PythonFloat.repr(1e-5));
        assertEquals("0.0001", PythonFloat.repr(1e-4));
        assertEquals("5e-324", PythonFloat.repr(Double.MIN_VALUE)); // Java 17 prints 4.9E-324
        assertEquals("1.7976931348623157e+308", PythonFloat.repr(Double.MAX_VALUE));
        assertEquals("-0.0", PythonFloat.repr(-0.0));
        assertEquals("0.30000000000000004", PythonFloat.repr(0.1 + 0.2));
        assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("nan", PythonFloat.repr(Double.NaN));
    }
}
