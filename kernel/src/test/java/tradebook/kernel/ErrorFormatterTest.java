package tradebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorFormatterTest {
    private static String plain(List<String> lines) {
        return String.join("\n", lines).replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void compileErrorPointsAtTheCellLine() {
        String cell = "int a = 1;\nString s = a + 1;\n";
        int snippetOffset = cell.indexOf("String");
        int rel = "String s = ".length();
        List<String> out = ErrorFormatter.compileError(cell, snippetOffset,
                List.of(new ErrorFormatter.Diag(rel, rel, rel + 5, "incompatible types: int cannot be converted to java.lang.String")));
        String[] lines = plain(out).split("\n");
        assertEquals("error: incompatible types: int cannot be converted to java.lang.String  (line 2)", lines[0]);
        assertEquals("    String s = a + 1;", lines[1]);
        assertEquals("               ^~~~~", lines[2]);
    }

    @Test
    void wrapperClassLinesAreDropped() {
        String[] msg = ErrorFormatter.cleanMessage("cannot find symbol\n  symbol:   variable foo\n  location: class $JShell$12");
        assertEquals(List.of("cannot find symbol", "symbol:   variable foo"), List.of(msg));
    }

    @Test
    void userFramesComeFirstAndSharedFramesOfCausesAreHidden() {
        ErrorFormatter f = new ErrorFormatter();
        String cell = "x\ny\nz\nint zero = 0;\nint q = 1 / zero;";
        f.remember("7", new ErrorFormatter.Origin("cell [2]", cell, 0));
        f.remember("9", new ErrorFormatter.Origin("cell [3]", "new Backtest(...).run()", 0));
        StackTraceElement user = new StackTraceElement("Divider", "next", "#7", 5);
        StackTraceElement run = new StackTraceElement("tradebook.backtest.Backtest", "run", "Backtest.java", 247);
        StackTraceElement callNext = new StackTraceElement("tradebook.backtest.Backtest", "run", "Backtest.java", 240);
        StackTraceElement cellFrame = new StackTraceElement("", "", "#9", 1);
        StackTraceElement reflect = new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -1);
        ErrorFormatter.Thrown cause = new ErrorFormatter.Thrown("java.lang.ArithmeticException", "/ by zero",
                new StackTraceElement[] {user, callNext, cellFrame, reflect}, null);
        ErrorFormatter.Thrown top = new ErrorFormatter.Thrown("tradebook.backtest.BacktestException", "Divider.next() failed at bar 1",
                new StackTraceElement[] {run, cellFrame, reflect}, cause);
        String text = plain(f.exception(top));
        String[] lines = text.split("\n");
        assertEquals("BacktestException: Divider.next() failed at bar 1", lines[0]);
        assertEquals("    at cell [3], line 1", lines[1]);
        assertEquals("    ... 2 more frames", lines[2], "library frames of a wrapping exception are counted, not shown");
        assertFalse(text.contains("Backtest.java:247"), text);
        assertTrue(text.contains("Caused by: ArithmeticException: / by zero\n    at Divider.next (cell [2], line 5)"), text);
        assertTrue(text.contains("in tradebook.backtest.Backtest.run(Backtest.java:240)"), "the root cause shows where the library was");
        assertFalse(text.contains("jdk.internal"), text);
        assertEquals(1, text.split("at cell \\[3\\]", -1).length - 1, "the cause's shared frames are not repeated");
    }

    @Test
    void simpleNames() {
        assertEquals("IllegalStateException", ErrorFormatter.simpleName("java.lang.IllegalStateException"));
        assertEquals("MyError", ErrorFormatter.simpleName("REPL.$JShell$14$MyError"));
        assertEquals("com.acme.Oops", ErrorFormatter.simpleName("com.acme.Oops"));
    }
}
