package tradebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellSplitterTest {
    static JShell shell;

    @BeforeAll
    static void open() {
        shell = JShell.create();
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    private static List<CellSplitter.Piece> split(String cell) {
        return CellSplitter.split(shell.sourceCodeAnalysis(), cell);
    }

    /** Each piece's source (JShell keeps leading blanks and comments; positions count from them) sits at its offset. */
    @Test
    void splitsStatementsAndKeepsEachOffset() {
        String cell = "int i = 0;\n// count\nwhile (i < 3) i++;\n\ni";
        List<CellSplitter.Piece> pieces = split(cell);
        assertEquals(3, pieces.size());
        assertEquals("int i = 0;", pieces.get(0).source());
        assertEquals(0, pieces.get(0).offset());
        for (CellSplitter.Piece p : pieces) {
            String src = p.source().endsWith(";") && !cell.substring(p.offset()).startsWith(p.source())
                    ? p.source().substring(0, p.source().length() - 1) : p.source();
            assertEquals(src, cell.substring(p.offset(), p.offset() + src.length()));
        }
        assertEquals("while (i < 3) i++;", pieces.get(1).source().strip().replaceAll("(?s)^//[^\\n]*\\n", ""));
    }

    @Test
    void aClassIsOneSnippet() {
        List<CellSplitter.Piece> pieces = split("class A {\n  int f() { return 1; }\n}\nnew A().f()");
        assertEquals(2, pieces.size());
        assertEquals("new A().f()", pieces.get(1).source().replace(";", "").strip());
    }

    @Test
    void anIncompleteTailIsKeptWhole() {
        String cell = "int a = 1;\nfor (int k = 0; k < 2; k++) {\n";
        List<CellSplitter.Piece> pieces = split(cell);
        assertEquals(2, pieces.size());
        assertEquals(Completeness.DEFINITELY_INCOMPLETE, pieces.get(1).completeness());
        assertEquals(cell.indexOf("\nfor"), pieces.get(1).offset());
    }

    @Test
    void blankCellHasNoSnippets() {
        assertEquals(0, split("  \n\n").size());
    }
}
