package tradebook.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kernel's own magics: %jars, %classpath, %maven, %time/%%time, %load, %%html, %%markdown, %lsmagic. */
final class BuiltinMagics {
    private BuiltinMagics() {}

    static void registerAll() {
        MavenResolver maven = new MavenResolver();
        Magics.register("jars", "%jars PATH... : add jars (globs allowed) or class folders to the class path", BuiltinMagics::jars);
        Magics.register("classpath", "%classpath [PATH...] : show the class path, or add to it", (ctx, args, body) -> {
            if (!args.isBlank()) return jars(ctx, args, body);
            ctx.classPath().forEach(ctx.out()::println);
            return Magics.NO_VALUE;
        });
        Magics.register("maven", "%maven group:artifact:version... [--exclude group[:artifact]]... : add artifacts and their dependencies from Maven Central",
                (ctx, args, body) -> {
                    List<String> coords = new java.util.ArrayList<>(), excludes = new java.util.ArrayList<>();
                    List<String> w = words(args);
                    for (int i = 0; i < w.size(); i++) {
                        if (w.get(i).equals("--exclude")) {
                            if (i + 1 == w.size()) throw new CellError.MagicError("%maven: --exclude needs group or group:artifact");
                            excludes.add(w.get(++i));
                        } else coords.add(w.get(i));
                    }
                    if (coords.isEmpty()) throw new CellError.MagicError("usage: %maven group:artifact:version [--exclude group[:artifact]]");
                    ctx.out().println("Resolving " + String.join(", ", coords) + " ...");
                    List<File> jars;
                    try {
                        jars = maven.resolve(coords, excludes);
                    } catch (Exception e) {
                        throw new CellError.MagicError("could not resolve " + String.join(", ", coords) + ": " + rootMessage(e));
                    }
                    for (File f : jars) ctx.addToClasspath(f.getAbsolutePath());
                    ctx.out().println("Added " + jars.size() + " jar(s): " + String.join(", ", jars.stream().map(File::getName).toList()));
                    return Magics.NO_VALUE;
                });
        Magics.register("time", "%time CODE / %%time : run and print the wall time", (ctx, args, body) -> {
            String code = body != null ? body : args;
            long t0 = System.nanoTime();
            try {
                return ctx.eval(code);
            } finally {
                ctx.out().println("Wall time: " + formatNanos(System.nanoTime() - t0));
            }
        });
        Magics.register("load", "%load FILE.jsh : run a file of Java snippets", (ctx, args, body) -> {
            Path p = Path.of(args.strip());
            if (!Files.isRegularFile(p)) throw new CellError.MagicError("no such file: " + p.toAbsolutePath());
            return ctx.eval(Files.readString(p));
        });
        Magics.register("html", "%%html : show the cell as HTML", (ctx, args, body) -> bundle(ctx, "text/html", body != null ? body : args));
        Magics.register("markdown", "%%markdown : show the cell as Markdown", (ctx, args, body) -> bundle(ctx, "text/markdown", body != null ? body : args));
        Magics.register("lsmagic", "%lsmagic : list magics", (ctx, args, body) -> {
            Magics.help().forEach((name, help) -> ctx.out().println(help.isEmpty() ? "%" + name : help));
            return Magics.NO_VALUE;
        });
    }

    private static Object bundle(Magics.Context ctx, String mime, String content) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put(mime, content);
        b.put("text/plain", content);
        ctx.display(b);
        return Magics.NO_VALUE;
    }

    private static Object jars(Magics.Context ctx, String args, String body) throws IOException, CellError {
        List<String> added = new ArrayList<>();
        for (String w : words(args)) {
            for (Path p : expand(w)) {
                ctx.addToClasspath(p.toAbsolutePath().toString());
                added.add(p.toString());
            }
        }
        if (added.isEmpty()) throw new CellError.MagicError("no jar matches " + args.strip());
        ctx.out().println("Added to the class path: " + String.join(", ", added));
        return Magics.NO_VALUE;
    }

    /** A path, or a glob in its last segment ({@code lib/*.jar}). */
    static List<Path> expand(String pattern) throws IOException {
        Path p = Path.of(pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern);
        String last = p.getFileName() == null ? "" : p.getFileName().toString();
        if (!last.contains("*") && !last.contains("?")) return Files.exists(p) ? List.of(p) : List.of();
        Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
            ds.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    static List<String> words(String s) {
        return Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    static String formatNanos(long ns) {
        if (ns < 1_000_000) return String.format("%.1f µs", ns / 1e3);
        if (ns < 1_000_000_000) return String.format("%.1f ms", ns / 1e6);
        return String.format("%.2f s", ns / 1e9);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
