package tradebook.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code java tradebook.kernel.Main CONNECTION_FILE}: the process Jupyter starts. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--imports")) { // for ./tradebook jshell
            JavaEngine.availableImports().forEach(System.out::println);
            return;
        }
        if (args.length == 1 && args[0].equals("--train")) { // a class-loading run for the CDS archive (./tradebook install)
            train();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: java -cp ... tradebook.kernel.Main CONNECTION_FILE (Jupyter runs this; see ./tradebook install)");
            System.exit(2);
        }
        Logger.getLogger("").setLevel(Level.WARNING); // basekernel logs each socket bind at INFO
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        List<String> cp = userClassPath();
        CompletableFuture<JavaEngine> engine = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                JavaEngine e = new JavaEngine(cp);
                BuiltinMagics.registerAll();
                NotebookProgress.install();
                e.warmUp();
                engine.complete(e);
            } catch (Throwable t) {
                engine.completeExceptionally(t);
            }
        }, "engine-start");
        starter.setDaemon(true);

        JupyterConnection connection = new FastConnection(props);
        TradebookKernel kernel = new TradebookKernel(engine);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        // the engine (JShell, javac warm-up) starts once the sockets are up: on a busy machine it
        // would otherwise compete with them for the CPU and delay the first kernel_info_reply
        starter.start();
        connection.waitUntilClose();
        System.exit(0);
    }

    /** Loads what a typical first session loads: the engine, a cell class, a backtest, rendering. */
    private static void train() throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        try (JavaEngine e = new JavaEngine(userClassPath())) {
            BuiltinMagics.registerAll();
            e.warmUp();
            e.eval("class Trained extends tradebook.examples.SmaCross {}", "train");
            JavaEngine.Result r = e.eval("new Backtest(Datasets.GOOG(), Trained.class).run()", "train");
            TradebookKernel.toDisplayData(Renderer.render(r.value(), r.text()));
            e.eval("1 + 1", "train");
            e.completeness("int x = 1;");
            e.complete("Math.ma", 7, new int[1]);
        }
        System.exit(0);
    }

    /** The class path cells compile against: {@code -Dtradebook.classpath} (dir/* expands to its jars), else ours. */
    static List<String> userClassPath() {
        String spec = System.getProperty("tradebook.classpath", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        for (String entry : spec.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            if (entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
                File[] jars = new File(entry.substring(0, entry.length() - 2)).listFiles((d, n) -> n.endsWith(".jar"));
                if (jars != null) {
                    Arrays.sort(jars);
                    for (File j : jars) out.add(j.getAbsolutePath());
                }
            } else {
                out.add(entry);
            }
        }
        return out;
    }
}
