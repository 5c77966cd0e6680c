package tradebook.plan;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import tradebook.backtest.Strategy;

/**
 * Compiles a plan's strategy snapshot in-process with javax.tools against the library's class
 * path, into a class loader of its own (so a later version of the plan can redefine the class).
 * A snapshot is one compilation unit: the imports a notebook had plus the class declarations
 * (a notebook cell's source needs the kernel's default imports, added here when missing).
 */
public final class StrategySource {
    /** The kernel's default imports: a notebook cell compiles here as it did there. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;", "import java.io.*;", "import java.math.*;",
            "import java.nio.file.*;", "import java.time.*;", "import java.util.concurrent.*;",
            "import tradebook.backtest.*;", "import tradebook.data.*;", "import tradebook.lib.*;", "import tradebook.ta.Ta;",
            "import static tradebook.lib.Lib.*;", "import tradebook.chart.*;", "import tradebook.portfolio.*;", "import tradebook.examples.*;");

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");
    private static final Map<String, Class<?>> CACHE = new ConcurrentHashMap<>();

    private StrategySource() {}

    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public\\s+((?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|record|enum|interface)\\s+(\\w+))");

    /** The unit compiled for {@code className}: as {@link #unit(String)}, with only that class left public (one public type a file). */
    public static String unit(String source, String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Matcher m = PUBLIC_TYPE.matcher(source);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2).equals(simple) ? m.group() : m.group(1)));
        m.appendTail(sb);
        return unit(sb.toString());
    }

    /** The unit compiled: default imports not already present, then the source. */
    public static String unit(String source) {
        StringBuilder sb = new StringBuilder();
        Set<String> have = new LinkedHashSet<>();
        // the kernel's display helpers are not on a plan's class path (a plan runs without the kernel)
        source = source.replaceAll("(?m)^\\s*import\\s+(static\\s+)?tradebook\\.kernel\\.[\\w.*]+\\s*;[ \t]*$", "");
        Matcher m = IMPORT.matcher(source);
        while (m.find()) have.add(m.group().trim().replaceAll("\\s+", " "));
        for (String imp : DEFAULT_IMPORTS) if (!have.contains(imp)) sb.append(imp).append(' ');
        Matcher pkg = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;").matcher(source);
        if (pkg.find()) { // imports go after the package line, on it: line numbers stay the source's
            return "\n" + source.substring(0, pkg.end()) + " " + sb + source.substring(pkg.end());
        }
        return sb.append('\n').append(source).toString(); // one line of imports: error lines match the source's
    }

    /**
     * Compiles (cached by source) and returns the strategy class, a {@link Strategy} (one ticker at
     * a time) or a {@link tradebook.portfolio.PortfolioStrategy} (all tickers at once); a
     * {@link PlanException} lists javac's errors by line.
     */
    public static Class<?> compile(String className, String source) {
        return compile(className, source, List.of());
    }

    /** With extra jars on the class path (a plan's {@code jars}). */
    public static Class<?> compile(String className, String source, List<String> jars) {
        String key = className + "\n" + sha(source) + "\n" + jars;
        Class<?> c = CACHE.get(key);
        if (c == null) {
            c = doCompile(className, source, jars);
            CACHE.put(key, c);
        }
        return c;
    }

    private static Class<?> doCompile(String className, String source, List<String> jars) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new PlanException("no Java compiler in this runtime: run Tradebook on a JDK (not a JRE)");
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String pkg = packageOf(source);
        String fqcn = pkg.isEmpty() || className.contains(".") ? className : pkg + "." + className;
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + simple + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override public CharSequence getCharContent(boolean ignore) {
                return unit(source, className);
            }
        };
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8);
        ForwardingJavaFileManager<StandardJavaFileManager> fm = new ForwardingJavaFileManager<>(std) {
            @Override public JavaFileObject getJavaFileForOutput(Location loc, String name, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override public OutputStream openOutputStream() {
                        ByteArrayOutputStream bos = new ByteArrayOutputStream();
                        classes.put(name, bos);
                        return bos;
                    }
                };
            }
        };
        String cp = classPath() + (jars.isEmpty() ? "" : File.pathSeparator + String.join(File.pathSeparator, jars));
        List<String> opts = List.of("-classpath", cp, "-proc:none", "-nowarn", "-g");
        Boolean ok = javac.getTask(null, fm, diags, opts, null, List.of(file)).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder("the strategy " + simple + " does not compile:");
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) continue;
                sb.append("\n  line ").append(Math.max(1, d.getLineNumber() - 1)).append(": ").append(d.getMessage(Locale.ROOT));
            }
            throw new PlanException(sb.toString());
        }
        // child-first for the snapshot's own classes: a snapshot of a library class (e.g. tradebook.examples.SmaCross) is the snapshot
        ClassLoader parent = Strategy.class.getClassLoader();
        if (!jars.isEmpty()) {
            java.net.URL[] urls = new java.net.URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = Path.of(jars.get(i)).toUri().toURL();
                } catch (java.net.MalformedURLException e) {
                    throw new PlanException("jar " + jars.get(i) + ": " + e.getMessage(), e);
                }
            }
            parent = new java.net.URLClassLoader(urls, parent);
        }
        ClassLoader loader = new ClassLoader(parent) {
            @Override protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!classes.containsKey(name)) return super.loadClass(name, resolve);
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }

            @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream b = classes.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                byte[] bytes = b.toByteArray();
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Class<?> cls;
        try {
            cls = loader.loadClass(fqcn);
        } catch (ClassNotFoundException e) {
            throw new PlanException("the source compiles but declares no class " + className + " (it declares " + classes.keySet() + ")");
        }
        if (!Strategy.class.isAssignableFrom(cls) && !tradebook.portfolio.PortfolioStrategy.class.isAssignableFrom(cls)) {
            throw new PlanException(className + " is not a strategy (extend tradebook.backtest.Strategy or tradebook.portfolio.PortfolioStrategy)");
        }
        return cls;
    }

    private static String packageOf(String source) {
        Matcher m = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(source);
        return m.find() ? m.group(1) : "";
    }

    /** The library's class path: what the JVM was started with (expanded), Maven's test path, and the library's own jar. */
    public static String classPath() {
        Set<String> parts = new LinkedHashSet<>();
        for (String prop : new String[] {"tradebook.classpath", "surefire.test.class.path", "java.class.path"}) {
            String v = System.getProperty(prop);
            if (v == null) continue;
            for (String p : v.split(File.pathSeparator)) {
                if (p.endsWith("*")) {
                    File[] jars = new File(p.substring(0, p.length() - 1)).listFiles((d, n) -> n.endsWith(".jar"));
                    if (jars != null) for (File j : jars) parts.add(j.getPath());
                } else if (!p.isBlank()) {
                    parts.add(p);
                }
            }
        }
        try {
            parts.add(Path.of(Strategy.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (Exception ignored) {
            // no code source (unusual class loader): the paths above must do
        }
        return String.join(File.pathSeparator, new ArrayList<>(parts));
    }

    static String sha(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
