package tradebook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns javac diagnostics and exceptions into lines a Java user can read: the cell's own line
 * with a caret for compile errors; for exceptions the message, the user's frames first (named
 * by cell and line), a few library frames and the cause chain, with JDK and JShell plumbing
 * hidden. Pure string work, no JShell types, so it is unit tested directly.
 */
final class ErrorFormatter {
    /** A javac diagnostic with positions relative to the snippet's source (-1 when unknown). */
    record Diag(long start, long position, long end, String message) {}

    /** An exception as seen from the kernel (JShell hands over class name, message and frames). */
    record Thrown(String className, String message, StackTraceElement[] frames, Thrown cause) {}

    /** Where a snippet came from: a label like "cell [3]", the cell text and the snippet's offset in it. */
    record Origin(String label, String cell, int offset) {
        int firstLine() {
            return lineOf(cell, offset);
        }
    }

    private static final int LIBRARY_FRAMES = 3;
    private static final int MAX_CAUSES = 5;

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    /** Remembers where snippet {@code id} came from, for stack frames in later cells. */
    void remember(String snippetId, Origin origin) {
        origins.put(snippetId, origin);
    }

    static List<String> compileError(String cell, int snippetOffset, List<Diag> diags) {
        List<String> out = new ArrayList<>();
        for (Diag d : diags) {
            long rel = d.position() >= 0 ? d.position() : d.start(); // where javac puts its caret
            String[] msg = cleanMessage(d.message());
            if (rel < 0) {
                out.add(Ansi.red("error: ") + msg[0]);
            } else {
                int at = (int) Math.min(cell.length(), snippetOffset + rel);
                int line = lineOf(cell, at);
                int lineStart = cell.lastIndexOf('\n', at - 1) + 1;
                int lineEnd = cell.indexOf('\n', at);
                if (lineEnd < 0) lineEnd = cell.length();
                String text = cell.substring(lineStart, lineEnd);
                int col = at - lineStart;
                int width = 1;
                if (d.end() > rel) width = (int) Math.max(1, Math.min(lineEnd, snippetOffset + d.end()) - at);
                out.add(Ansi.red("error: ") + msg[0] + Ansi.dim("  (line " + line + ")"));
                out.add("    " + text.replace('\t', ' '));
                out.add("    " + " ".repeat(col) + Ansi.red("^" + "~".repeat(Math.max(0, width - 1))));
            }
            for (int i = 1; i < msg.length; i++) out.add("    " + msg[i]);
        }
        return out;
    }

    /** javac messages name JShell's wrapper classes ("location: class $JShell$12"): drop those lines. */
    static String[] cleanMessage(String message) {
        List<String> keep = new ArrayList<>();
        for (String l : message.split("\n")) {
            if (l.contains("$JShell$") || l.isBlank()) continue;
            keep.add(l.strip());
        }
        if (keep.isEmpty()) keep.add(message.strip());
        return keep.toArray(String[]::new);
    }

    List<String> exception(Thrown t) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (Thrown cur = t; cur != null && depth < MAX_CAUSES; cur = cur.cause(), depth++) {
            String head = simpleName(cur.className()) + (cur.message() == null ? "" : ": " + cur.message());
            out.add(depth == 0 ? Ansi.red(head) : Ansi.red("Caused by: ") + head);
            StackTraceElement[] frames = cur.frames();
            int shared = sharedTail(frames, enclosing); // frames the enclosing trace already showed
            // library frames only where the failure happened (the innermost cause): above it they
            // only show how the library got there, which a wrapping message already says
            int libraryLimit = cur.cause() == null || depth + 1 >= MAX_CAUSES ? LIBRARY_FRAMES : 0;
            int hidden = 0, library = 0;
            List<String> lib = new ArrayList<>();
            for (int i = 0; i < frames.length - shared; i++) {
                StackTraceElement f = frames[i];
                String user = userFrame(f);
                if (user != null) {
                    out.add("    at " + user);
                } else if (isPlumbing(f.getClassName()) || library >= libraryLimit) {
                    hidden++;
                } else {
                    lib.add(Ansi.dim("    in " + f));
                    library++;
                }
            }
            out.addAll(lib);
            if (hidden > 0) out.add(Ansi.dim("    ... " + hidden + " more frames"));
            enclosing = frames;
        }
        return out;
    }

    private static int sharedTail(StackTraceElement[] a, StackTraceElement[] b) {
        int n = 0;
        while (n < a.length && n < b.length && a[a.length - 1 - n].equals(b[b.length - 1 - n])) n++;
        return n;
    }

    /**
     * A frame of code declared in a cell, as "SmaCross.next (cell [2], line 7)", or null. JShell
     * has already rewritten such frames: wrapper class and {@code do_it$} become "", the file
     * is "#snippetId" and the line is the snippet's own.
     */
    String userFrame(StackTraceElement f) {
        String file = f.getFileName();
        if (file == null || !file.startsWith("#")) return null;
        String cls = f.getClassName(), method = f.getMethodName();
        String what = cls.isEmpty() ? method : method.isEmpty() ? cls : cls + "." + method;
        String where = where(f);
        return what.isEmpty() ? where : what + " (" + where + ")";
    }

    private String where(StackTraceElement f) {
        String file = f.getFileName(); // JShell names a snippet's file "#<id>"
        Origin o = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
        if (o == null) return "snippet " + file + (f.getLineNumber() > 0 ? ", line " + f.getLineNumber() : "");
        int line = f.getLineNumber() > 0 ? o.firstLine() + f.getLineNumber() - 1 : o.firstLine();
        return o.label() + ", line " + line;
    }

    private static boolean isPlumbing(String cls) {
        return cls.startsWith("java.lang.reflect.") || cls.startsWith("jdk.internal.") || cls.startsWith("jdk.jshell.")
                || cls.startsWith("sun.reflect.") || cls.startsWith("java.lang.Thread") || cls.startsWith("tradebook.kernel.");
    }

    static String simpleName(String cls) {
        if (cls == null) return "Exception";
        if (cls.startsWith("REPL.")) {
            String n = cls.substring(cls.lastIndexOf('.') + 1);
            int dollar = n.indexOf('$', "$JShell$".length());
            return dollar >= 0 ? n.substring(dollar + 1) : n;
        }
        // the package adds nothing a reader needs for the JDK's common exceptions and our own
        for (String pkg : new String[] {"java.lang.", "java.util.", "java.io.", "tradebook."}) {
            if (cls.startsWith(pkg)) return cls.substring(cls.lastIndexOf('.') + 1);
        }
        return cls;
    }

    /** 1-based line of a character offset. */
    static int lineOf(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < s.length(); i++) if (s.charAt(i) == '\n') line++;
        return line;
    }
}
