package tradebook.kernel;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a cell: Java code goes to the engine, {@code %magic} lines and {@code %%magic} cells to
 * their handlers, in order. Code between magic lines keeps its line numbers (it is padded with
 * the lines before it) so errors still point at the cell's own lines.
 */
final class CellRunner {
    private static final Pattern MAGIC_LINE = Pattern.compile("^[ \\t]*%([A-Za-z_][\\w-]*)(.*)$");

    private final JavaEngine engine;
    private final Consumer<Map<String, String>> display;

    CellRunner(JavaEngine engine, Consumer<Map<String, String>> display) {
        this.engine = engine;
        this.display = display;
    }

    JavaEngine.Result run(String cell, String label) throws Exception {
        String trimmed = cell.stripLeading();
        if (trimmed.startsWith("%%")) {
            int nl = trimmed.indexOf('\n');
            String head = (nl < 0 ? trimmed : trimmed.substring(0, nl)).substring(2);
            String body = nl < 0 ? "" : trimmed.substring(nl + 1);
            String name = head.split("\\s+", 2)[0];
            return runMagic(name, head.substring(name.length()).strip(), body, label);
        }
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStartLine = 0;
        JavaEngine.Result last = JavaEngine.Result.NONE;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC_LINE.matcher(lines[i]);
            if (!m.matches()) {
                code.append(lines[i]).append('\n');
                continue;
            }
            if (!code.toString().isBlank()) last = engine.eval("\n".repeat(codeStartLine) + code, label);
            code.setLength(0);
            codeStartLine = i + 1;
            last = runMagic(m.group(1), m.group(2).strip(), null, label);
        }
        if (!code.toString().isBlank()) last = engine.eval("\n".repeat(codeStartLine) + code, label);
        return last;
    }

    private JavaEngine.Result runMagic(String name, String args, String body, String label) throws Exception {
        Magics.Handler h = Magics.lookup(name);
        if (h == null) {
            throw new CellError.MagicError("unknown magic %" + name + " (%lsmagic lists them)");
        }
        Ctx ctx = new Ctx(label);
        Object value = h.run(ctx, args, body);
        if (value == Magics.NO_VALUE) return JavaEngine.Result.NONE;
        if (ctx.last != null && ctx.last.hasValue() && ctx.last.value() == value) return ctx.last;
        return new JavaEngine.Result(true, value, null);
    }

    /** The context handed to magic handlers. */
    private final class Ctx implements Magics.Context {
        final String label;
        JavaEngine.Result last;

        Ctx(String label) {
            this.label = label;
        }

        @Override
        public Object eval(String code) throws Exception {
            last = run(code, label);
            return last.hasValue() ? last.value() : Magics.NO_VALUE;
        }

        @Override
        public void display(Object o) {
            Display.display(o);
        }

        @Override
        public void display(Map<String, String> bundle) {
            display.accept(bundle);
        }

        @Override
        public void addToClasspath(String path) {
            engine.addToClasspath(path);
        }

        @Override
        public List<String> classPath() {
            return engine.classPath();
        }

        @Override
        public PrintStream out() {
            return System.out;
        }

        @Override
        public String declarationSource(String className) {
            return engine.declarationSource(className);
        }
    }
}
