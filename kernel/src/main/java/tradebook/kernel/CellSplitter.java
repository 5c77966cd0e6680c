package tradebook.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits a cell into JShell snippets. {@code JShell.eval} takes one snippet and silently drops
 * the rest, so a cell is cut with {@code analyzeCompletion} first; each piece keeps its offset in
 * the cell so errors can point at the cell's own lines.
 */
final class CellSplitter {
    /** One snippet: its source as JShell wants it and where it starts in the cell. */
    record Piece(String source, int offset, Completeness completeness) {}

    private CellSplitter() {}

    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        String rest = cell;
        int consumed = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) break;
            if (!c.isComplete()) {
                // incomplete or unparsable: hand the whole rest to eval so the user sees javac's error
                pieces.add(new Piece(rest, consumed, c));
                break;
            }
            String chunk = rest.substring(0, rest.length() - info.remaining().length());
            pieces.add(new Piece(info.source(), consumed + locate(chunk, info.source()), c));
            consumed += chunk.length();
            rest = info.remaining();
        }
        return pieces;
    }

    /** Where the snippet's text starts inside the chunk it came from (JShell drops leading blanks and comments, may add a ';'). */
    static int locate(String chunk, String source) {
        String probe = source.endsWith(";") && !chunk.contains(source) ? source.substring(0, source.length() - 1) : source;
        int at = chunk.indexOf(probe);
        return at >= 0 ? at : leadingSkip(chunk);
    }

    private static int leadingSkip(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
