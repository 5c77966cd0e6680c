package tradebook.plan;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the CLI in a JVM of its own (as ./tradebook does), with TRADEBOOK_HOME set. */
final class Processes {
    private Processes() {}

    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static Process cli(Path home, Path log, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-XX:TieredStopAtLevel=1", "-cp", classPath(), "tradebook.plan.cli.Cli"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TRADEBOOK_HOME", home.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    static String sep() {
        return File.pathSeparator;
    }
}
