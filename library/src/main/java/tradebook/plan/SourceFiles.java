package tradebook.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a strategy's source: a {@code .java} file as is, or in a notebook ({@code .ipynb}) the
 * declaration of the class in its cell (cut out by brace matching, so other statements of the
 * cell stay behind) with the import lines of every cell. What a plan stores is that snapshot.
 */
public final class SourceFiles {
    private static final Pattern IMPORT_LINE = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");

    private SourceFiles() {}

    /** The class name a .java file declares by its file name. */
    public static String defaultClassName(Path file) {
        String f = file.getFileName().toString();
        return f.endsWith(".java") ? f.substring(0, f.length() - 5) : null;
    }

    public static String extract(Path file, String className) {
        if (!Files.isRegularFile(file)) throw new PlanException("no file " + file.toAbsolutePath());
        String text;
        try {
            text = Files.readString(file);
        } catch (java.io.IOException e) {
            throw new PlanException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (file.toString().endsWith(".ipynb")) return fromNotebook(text, className, file.toString());
        if (declaration(text, className) == null) throw new PlanException(file + " declares no class " + className);
        return text;
    }

    static String fromNotebook(String json, String className, String where) {
        JsonArray cells;
        try {
            cells = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("cells");
        } catch (RuntimeException e) {
            throw new PlanException(where + " is not a notebook (.ipynb JSON): " + e.getMessage(), e);
        }
        Set<String> imports = new LinkedHashSet<>();
        java.util.Map<String, String> types = new java.util.LinkedHashMap<>(); // every type the cells declare; the last wins, as in the kernel
        for (JsonElement c : cells) {
            JsonObject cell = c.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            String src = cellSource(cell);
            Matcher m = IMPORT_LINE.matcher(src);
            while (m.find()) imports.add(m.group().trim());
            Matcher t = TYPE_NAME.matcher(src);
            while (t.find()) {
                String d = declaration(src, t.group(1));
                if (d != null) types.put(t.group(1), d);
            }
        }
        if (!types.containsKey(className)) throw new PlanException(where + " has no cell declaring class " + className);
        Set<String> used = usedTypes(types, className);
        StringBuilder out = new StringBuilder(imports.isEmpty() ? "" : String.join("\n", imports) + "\n\n");
        for (String t : used) out.append(types.get(t)).append("\n\n");
        return out.toString();
    }

    private static final Pattern TYPE_NAME = Pattern.compile("(?m)^(?:@\\w+(?:\\([^)]*\\))?\\s+)*" // top-level: at the start of a line
            + "(?:(?:public|abstract|final|static|sealed|non-sealed)\\s+)*(?:class|record|enum|interface)\\s+(\\w+)");

    private static String cellSource(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement l : s.getAsJsonArray()) sb.append(l.getAsString());
            return sb.toString();
        }
        return s.getAsString();
    }

    /** The text of {@code class NAME ... { ... }} with its annotations and modifiers, or null. */
    public static String declaration(String src, String className) {
        Matcher m = Pattern.compile("(?m)^([ \\t]*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|abstract|final|static|sealed|non-sealed)\\s+)*(?:class|record|enum|interface)\\s+"
                + Pattern.quote(className) + "\\b)").matcher(src);
        if (!m.find()) return null;
        int start = m.start();
        int open = src.indexOf('{', m.end());
        if (open < 0) return null;
        int depth = 0;
        for (int i = open; i < src.length(); i++) {
            char ch = src.charAt(i);
            if (ch == '"' || ch == '\'') { // skip string and char literals (text blocks too)
                if (src.startsWith("\"\"\"", i)) {
                    int e = src.indexOf("\"\"\"", i + 3);
                    i = e < 0 ? src.length() : e + 2;
                    continue;
                }
                for (i++; i < src.length() && src.charAt(i) != ch; i++) if (src.charAt(i) == '\\') i++;
                continue;
            }
            if (ch == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                int e = src.indexOf('\n', i);
                i = e < 0 ? src.length() : e;
                continue;
            }
            if (ch == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                int e = src.indexOf("*/", i + 2);
                i = e < 0 ? src.length() : e + 1;
                continue;
            }
            if (ch == '{') depth++;
            if (ch == '}' && --depth == 0) return src.substring(start, i + 1).stripIndent();
        }
        return null;
    }

    /**
     * {@code root} and the types among {@code sources} (name to declaration) it uses, transitively,
     * in discovery order: what a strategy snapshot must carry of a notebook's declarations.
     */
    public static Set<String> usedTypes(java.util.Map<String, String> sources, String root) {
        Set<String> used = new LinkedHashSet<>(java.util.List.of(root));
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(used);
        while (!todo.isEmpty()) {
            String src = sources.get(todo.pop());
            for (String other : sources.keySet()) {
                if (!used.contains(other) && Pattern.compile("\\b" + Pattern.quote(other) + "\\b").matcher(src).find()) {
                    used.add(other);
                    todo.add(other);
                }
            }
        }
        return used;
    }
}
