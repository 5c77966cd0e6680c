package tradebook.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The Java side of the kernel: one in-process JShell with the library on its class path.
 * Knows nothing of Jupyter messages; the kernel turns its results and errors into messages.
 */
public final class JavaEngine implements AutoCloseable {
    /** The DESIGN imports, JShell's usual defaults, and the kernel's display functions. Missing packages are skipped. */
    static final List<String> IMPORTS = List.of(
            "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
            "import java.io.*;", "import java.math.*;", "import java.nio.file.*;", "import java.time.*;",
            "import java.util.concurrent.*;",
            "import tradebook.backtest.*;", "import tradebook.data.*;", "import tradebook.lib.*;",
            "import tradebook.ta.Ta;", "import static tradebook.lib.Lib.*;",
            "import tradebook.chart.*;", "import tradebook.portfolio.*;", "import tradebook.examples.*;",
            "import static tradebook.kernel.Display.*;");

    /** The imports whose package or class exists here (tradebook.chart may not be built yet). */
    public static List<String> availableImports() {
        ClassLoader cl = JavaEngine.class.getClassLoader();
        List<String> out = new ArrayList<>();
        for (String imp : IMPORTS) {
            String name = imp.replace("import ", "").replace("static ", "").replace(";", "").strip();
            boolean isStatic = imp.contains("static ");
            String type = isStatic ? name.substring(0, name.lastIndexOf('.')) : name;
            String resource = !isStatic && name.endsWith(".*")
                    ? name.substring(0, name.length() - 2).replace('.', '/') + "/"
                    : type.replace('.', '/') + ".class";
            if (name.startsWith("java.") || cl.getResource(resource) != null) out.add(imp);
        }
        return out;
    }

    /** What a cell left behind: the value of its last expression, if it ended with one. */
    public record Result(boolean hasValue, Object value, String text) {
        static final Result NONE = new Result(false, null, null);
    }

    private final JShell shell;
    private final KernelExecutionControl.Provider provider = new KernelExecutionControl.Provider();
    private final ErrorFormatter errors = new ErrorFormatter();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<String> classPath = new LinkedHashSet<>();

    public JavaEngine(List<String> classPath) {
        this.classPath.addAll(classPath);
        shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("-proc:none")
                .build();
        // addToClasspath rather than a --class-path option: with the option, later additions (%jars, %maven) are not seen by javac
        shell.addToClasspath(String.join(File.pathSeparator, classPath));
        for (String imp : availableImports()) {
            shell.eval(imp);
        }
    }

    /**
     * The source of the active class (or record/enum/interface) {@code name} declared in a cell,
     * with the other cell-declared types it uses (by name, transitively), preceded by the active
     * imports; null when none is declared. {@code %promote} snapshots this.
     */
    public String declarationSource(String name) {
        StringBuilder imports = new StringBuilder();
        Map<String, String> types = new java.util.LinkedHashMap<>();
        for (Snippet s : shell.snippets().toList()) {
            if (!shell.status(s).isActive()) continue;
            if (s instanceof jdk.jshell.ImportSnippet i) {
                if (!i.fullname().startsWith("tradebook.kernel")) imports.append(s.source().strip()).append('\n'); // a plan runs without the kernel
            } else if (s instanceof jdk.jshell.TypeDeclSnippet t) {
                types.put(t.name(), s.source().strip());
            }
        }
        if (!types.containsKey(name)) return null;
        // the class and the cell-declared types it uses, as a plan's source snapshot needs them
        java.util.Set<String> used = tradebook.plan.SourceFiles.usedTypes(types, name);
        StringBuilder out = new StringBuilder(imports).append('\n');
        for (String t : used) out.append(types.get(t)).append("\n\n");
        return out.toString();
    }

    /** Compiles and runs a tiny snippet so javac is loaded before the user's first cell, then forgets it. */
    public void warmUp() {
        for (String warm : List.of("int $tbWarm = Ta.sma(new double[] {1, 2, 3}, 2).length + 1;",
                "tradebook.kernel.Values.set(1 + 1\n);")) { // the declaration and the last-expression paths
            for (SnippetEvent e : shell.eval(warm)) shell.drop(e.snippet());
        }
        Values.clear();
        shell.sourceCodeAnalysis().analyzeCompletion("1 + 1");
    }

    public SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** Runs a cell snippet by snippet; stops at the first error. {@code label} names the cell in tracebacks. */
    public Result eval(String cell, String label) throws CellError {
        stopped.set(false);
        Result result = Result.NONE;
        for (CellSplitter.Piece piece : CellSplitter.split(shell.sourceCodeAnalysis(), cell)) {
            result = evalPiece(cell, label, piece);
            if (stopped.get()) throw interrupted();
        }
        return result;
    }

    /** Sources that cannot be expressions (declarations, statements, imports): no point trying them as one. */
    private static final Pattern NOT_EXPRESSION = Pattern.compile("(?s)\\s*(?:(?:class|interface|enum|record|import|public|private"
            + "|protected|static|final|abstract|sealed|non-sealed|if|for|while|do|switch|try|return|throw|break|continue|var"
            + "|synchronized|assert|yield|package|void)\\b|[@{;]).*");
    private static final Pattern DECLARATION = Pattern.compile("(?s)\\s*(?!new\\b)[\\w$.]+(?:<[^=;(){}]*>)?(?:\\[\\])*\\s+[\\w$]+\\s*(?:[=;(\\[]|$).*");

    private Result evalPiece(String cell, String label, CellSplitter.Piece piece) throws CellError {
        String src = piece.source();
        if (!NOT_EXPRESSION.matcher(src).matches() && !DECLARATION.matcher(src).matches()) {
            Result r = evalAsValueStatement(cell, label, piece);
            if (r != null) return r;
        }
        return evalSnippet(cell, label, piece);
    }

    /** Runs an expression as {@code Values.set(expr);} (see {@link Values}); null when that does not compile (void call, not an expression, an error) and the snippet must run as JShell would. */
    private Result evalAsValueStatement(String cell, String label, CellSplitter.Piece piece) throws CellError {
        String body = piece.source().strip();
        while (body.endsWith(";")) body = body.substring(0, body.length() - 1).stripTrailing();
        if (body.isEmpty()) return null;
        Values.clear();
        List<SnippetEvent> events = shell.eval("tradebook.kernel.Values.set(" + body + "\n);");
        if (stopped.get()) throw interrupted();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue;
            if (e.status() == Snippet.Status.REJECTED) return null;
            int offset = piece.offset() + Math.max(0, piece.source().indexOf(body.isEmpty() ? " " : body.substring(0, 1)));
            errors.remember(e.snippet().id(), new ErrorFormatter.Origin(label, cell, offset));
            if (e.exception() != null) throw runtimeError(e.exception());
        }
        if (!Values.isSet()) return Result.NONE;
        Object v = Values.get();
        Values.clear();
        return new Result(true, v, KernelExecutionControl.repr(v));
    }

    private Result evalSnippet(String cell, String label, CellSplitter.Piece piece) throws CellError {
        List<SnippetEvent> events = shell.eval(piece.source());
        if (stopped.get()) throw interrupted();
        Result result = Result.NONE;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue; // knock-on updates of other snippets
            Snippet s = e.snippet();
            errors.remember(s.id(), new ErrorFormatter.Origin(label, cell, piece.offset()));
            if (e.status() == Snippet.Status.REJECTED) {
                throw compileError(cell, piece, s);
            }
            if (e.exception() != null) {
                throw runtimeError(e.exception());
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                warnUnresolved(s);
            }
            result = valueOf(s, e);
        }
        return result;
    }

    private Result valueOf(Snippet s, SnippetEvent e) {
        String name = null;
        if (s instanceof VarSnippet v && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) name = v.name();
        else if (s instanceof ExpressionSnippet x) name = x.name();
        if (name == null) return Result.NONE;
        KernelExecutionControl control = provider.control;
        try {
            if (control != null && control.hasValue(name)) return new Result(true, control.value(name), e.value());
        } catch (ReflectiveOperationException ignored) {
            // fall through to JShell's text
        }
        return new Result(true, e.value(), e.value());
    }

    private CellError compileError(String cell, CellSplitter.Piece piece, Snippet s) {
        List<ErrorFormatter.Diag> diags = new ArrayList<>();
        shell.diagnostics(s).forEach(d -> diags.add(new ErrorFormatter.Diag(
                d.getStartPosition(), d.getPosition(), d.getEndPosition(), d.getMessage(Locale.ROOT))));
        if (diags.isEmpty()) diags.add(new ErrorFormatter.Diag(-1, -1, -1, "this code does not compile"));
        String first = ErrorFormatter.cleanMessage(diags.get(0).message())[0];
        return new CellError.CompileError(first, ErrorFormatter.compileError(cell, piece.offset(), diags));
    }

    private CellError runtimeError(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException u) {
            String msg = "'" + name(u.getSnippet()) + "' cannot be used until " + String.join(", ",
                    shell.unresolvedDependencies(u.getSnippet()).toList()) + " is declared";
            return new CellError.UserException(msg, List.of(Ansi.red("Unresolved reference: ") + msg));
        }
        ErrorFormatter.Thrown t = thrown(ex);
        if (t.className() != null && t.className().equals(SystemExit.ExitRequest.class.getName())) {
            return new CellError.UserException(t.message(), List.of(Ansi.bold(t.message())));
        }
        List<String> lines = errors.exception(t);
        return new CellError.UserException(ErrorFormatter.simpleName(t.className()) + ": " + t.message(), lines);
    }

    private static ErrorFormatter.Thrown thrown(Throwable ex) {
        if (ex == null) return null;
        String cls = ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
        return new ErrorFormatter.Thrown(cls, ex.getMessage(), ex.getStackTrace(), thrown(ex.getCause()));
    }

    private void warnUnresolved(Snippet s) {
        if (s instanceof DeclarationSnippet d) {
            List<String> deps = shell.unresolvedDependencies(d).toList();
            if (!deps.isEmpty()) {
                System.err.println("note: '" + d.name() + "' is declared but cannot be used until "
                        + String.join(", ", deps) + " is declared");
            }
        }
    }

    private static String name(Snippet s) {
        return s instanceof DeclarationSnippet d ? d.name() : s.source().strip();
    }

    private static CellError interrupted() {
        return new CellError.Interrupted("the cell was interrupted",
                List.of(Ansi.red("Interrupted: ") + "the cell was stopped; the kernel and its variables are still there"));
    }

    /** Evaluates one expression and returns the object it yields (for magics). */
    public Object evalExpression(String code) throws CellError {
        Result r = eval(code, "expression");
        return r.value();
    }

    /** Stops the running cell (called from another thread). */
    public void stop() {
        stopped.set(true);
        shell.stop();
    }

    public void addToClasspath(String path) {
        if (classPath.add(path)) shell.addToClasspath(path);
    }

    public List<String> classPath() {
        return List.copyOf(classPath);
    }

    /** The snippet of {@code cell} holding {@code cursor}: its source and start, for completion and docs. */
    private CellSplitter.Piece pieceAt(String cell, int cursor) {
        CellSplitter.Piece last = new CellSplitter.Piece(cell, 0, SourceCodeAnalysis.Completeness.EMPTY);
        for (CellSplitter.Piece p : CellSplitter.split(shell.sourceCodeAnalysis(), cell.substring(0, Math.min(cursor, cell.length())))) {
            last = p;
        }
        // complete up to the cursor only: the rest of the cell does not change what fits here
        return last;
    }

    /** Completion candidates at {@code cursor}; {@code anchor[0]} receives where the replaced text starts. */
    public List<String> complete(String cell, int cursor, int[] anchor) {
        String upTo = cell.substring(0, Math.min(cursor, cell.length()));
        CellSplitter.Piece p = pieceAt(cell, cursor);
        String src = upTo.substring(p.offset());
        int[] a = new int[1];
        Set<String> out = new LinkedHashSet<>();
        List<SourceCodeAnalysis.Suggestion> all = shell.sourceCodeAnalysis().completionSuggestions(src, src.length(), a);
        all.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> out.add(s.continuation()));
        all.forEach(s -> out.add(s.continuation()));
        anchor[0] = p.offset() + a[0];
        return new ArrayList<>(out);
    }

    /** Signatures (and Javadoc where sources are available) of what is at {@code cursor}. */
    public Optional<String> documentation(String cell, int cursor, boolean javadoc) {
        int end = cursor;
        while (end < cell.length() && Character.isJavaIdentifierPart(cell.charAt(end))) end++;
        String upTo = cell.substring(0, end);
        CellSplitter.Piece p = pieceAt(cell, end);
        String src = upTo.substring(p.offset());
        StringBuilder sb = new StringBuilder();
        List<SourceCodeAnalysis.Documentation> docs = shell.sourceCodeAnalysis().documentation(src, src.length(), javadoc);
        if (docs.isEmpty()) docs = shell.sourceCodeAnalysis().documentation(src + "(", src.length() + 1, javadoc); // a bare method name
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) sb.append("\n").append(d.javadoc().strip());
        }
        if (sb.length() == 0) {
            String word = identifierAt(cell, cursor);
            shell.variables().filter(v -> v.name().equals(word) && shell.status(v).isActive()).forEach(v ->
                    sb.append(v.typeName()).append(' ').append(v.name()).append(" = ").append(shell.varValue(v)));
        }
        return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
    }

    private static String identifierAt(String s, int cursor) {
        int b = Math.min(cursor, s.length()), e = b;
        while (b > 0 && Character.isJavaIdentifierPart(s.charAt(b - 1))) b--;
        while (e < s.length() && Character.isJavaIdentifierPart(s.charAt(e))) e++;
        return s.substring(b, e);
    }

    /** Jupyter's is_complete: "complete", "incomplete", "invalid". */
    public String completeness(String cell) {
        List<CellSplitter.Piece> pieces = CellSplitter.split(shell.sourceCodeAnalysis(), cell);
        if (pieces.isEmpty()) return "complete";
        SourceCodeAnalysis.Completeness c = pieces.get(pieces.size() - 1).completeness();
        return switch (c) {
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "incomplete";
            case UNKNOWN -> "invalid";
            default -> "complete";
        };
    }

    @Override
    public void close() {
        shell.close();
    }
}
