package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.plan.cli.Cli;

/** The CLI in-process against a temporary TRADEBOOK_HOME (the tradebook.home property). */
class CliTest {
    @TempDir Path home;
    Path quotes;
    String out, err;

    @BeforeEach void setUp() throws Exception {
        System.setProperty("tradebook.home", home.toString());
        quotes = home.resolve("quotes");
        PlanFixtures.writeCsv(quotes, "TEST", PlanFixtures.days(LocalDate.now().minusDays(1), 80));
    }

    @AfterEach void tearDown() {
        System.clearProperty("tradebook.home");
    }

    int cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = Cli.run(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test void promoteFromAJavaFileThenListShowRunOrdersRunsLog() throws Exception {
        Path f = home.resolve("Toggle.java");
        Files.writeString(f, PlanFixtures.TOGGLE);
        assertEquals(0, cli("promote", f.toString(), "--name", "tog", "--tickers", "TEST", "--source", "csv:" + quotes, "--broker", "manual",
                "--times", "9:30:01-16:00/30min", "--cash", "5000", "-p", "units=3"), err);
        assertTrue(out.contains("plan 'tog' saved (version 1, enabled)") && out.contains("dry run: dry-run"), out);
        assertTrue(out.contains("BUY 3") || out.contains("SELL 3"), out);

        assertEquals(0, cli("plan", "list"));
        assertTrue(out.contains("NAME") && out.contains("tog") && out.contains("9:30:01-16:00/30min"), out);
        assertEquals(0, cli("plan", "show", "TOG"));
        assertTrue(out.contains("strategy    Toggle {units=3.0}") && out.contains("v1"), out);

        assertEquals(0, cli("plan", "run", "tog"), err);
        assertEquals(0, cli("plan", "orders", "tog"));
        assertTrue(out.contains("submitted") && out.contains("TEST"), out);
        String orderId = out.lines().skip(2).findFirst().orElseThrow().split("\\s+")[0];
        String side = out.contains("BUY") ? "" : "-";

        assertEquals(0, cli("fill", orderId, "--price", "101.25", "--time", "2026-11-20 15:59"), err);
        assertTrue(out.contains("filled"), out);
        assertEquals(0, cli("plan", "orders", "tog"));
        assertTrue(out.contains("filled") && out.contains("@ 101.2500"), out);
        assertEquals(1, cli("fill", orderId, "--price", "101"), "filled already");
        assertTrue(err.contains("is filled, not open"), err);
        assertEquals(0, cli("plan", "show", "tog"));
        assertTrue(out.contains("units {TEST=" + side + "3.0}"), out);

        assertEquals(0, cli("plan", "runs", "tog"));
        assertTrue(out.contains("ok") && out.contains("(by hand)"), out);
        String runId = out.lines().skip(2).findFirst().orElseThrow().split("\\s+")[0];
        assertEquals(0, cli("plan", "log", runId));
        assertTrue(out.contains("--- stdout") && out.contains("--- stats") && out.contains("Return [%]"), out);

        assertEquals(0, cli("plan", "edit", "tog", "--times", "15:59"), err);
        assertTrue(out.contains("version 2"), out);
        assertEquals(0, cli("plan", "disable", "tog"));
        assertEquals(0, cli("plan", "list"));
        assertTrue(out.contains(" no "), out);
        assertEquals(0, cli("plan", "remove", "tog"));
        assertTrue(out.contains("1 orders"), out);
        assertEquals(0, cli("plan", "list"));
        assertTrue(out.contains("no plans"), out);
    }

    @Test void promoteTakesTheClassFromANotebookCell() throws Exception {
        String cell = "%maven nothing:here:1\nint x = 1;\n" + PlanFixtures.TOGGLE.replace("\n", "\n") + "\nSystem.out.println(x);\n";
        String nb = "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import java.time.*;\\n\"], \"metadata\": {}, \"outputs\": []},"
                + "{\"cell_type\": \"markdown\", \"source\": \"text\", \"metadata\": {}},"
                + "{\"cell_type\": \"code\", \"source\": " + com.google.gson.JsonParser.parseString(new com.google.gson.Gson().toJson(cell))
                + ", \"metadata\": {}, \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        Path f = home.resolve("research.ipynb");
        Files.writeString(f, nb);
        assertEquals(0, cli("promote", f.toString(), "Toggle", "--name", "fromnb", "--tickers", "TEST", "--source", "csv:" + quotes), err);
        assertEquals(0, cli("plan", "show", "fromnb", "--source"));
        assertTrue(out.contains("import java.time.*;") && out.contains("public class Toggle") && !out.contains("int x = 1"), out);
    }

    @Test void exitCodesAndMessages() throws Exception {
        assertEquals(2, cli("plan", "frobnicate"));
        assertEquals(2, cli("fill"));
        assertTrue(err.contains("Missing required"), err);
        assertEquals(1, cli("plan", "show", "nope"));
        assertTrue(err.startsWith("tradebook: no plan named 'nope'"), err);
        Path f = home.resolve("Toggle.java");
        Files.writeString(f, PlanFixtures.TOGGLE);
        assertEquals(1, cli("promote", f.toString(), "--name", "x", "--tickers", "TEST", "--source", "csv:" + quotes, "--times", "9:61"));
        assertTrue(err.contains("run times") && err.contains("\"9:61\""), err);
        assertFalse(err.contains("\tat "), "no stack trace");
        assertEquals(1, cli("promote", home.resolve("Missing.java").toString(), "--name", "x", "--tickers", "TEST"));
        assertTrue(err.contains("no file"), err);
        assertEquals(1, cli("plan", "log", "no-such-run"));
        assertEquals(1, cli("scheduler", "--stop"));
        assertTrue(out.contains("no scheduler is running"), out);
    }

    @Test void doctorReportsEachCheck() throws Exception {
        Path f = home.resolve("Toggle.java");
        Files.writeString(f, PlanFixtures.TOGGLE);
        assertEquals(0, cli("doctor"), out);
        assertTrue(out.contains("OK    store") && out.contains("schema " + Store.currentSchemaVersion()), out);
        assertEquals(0, cli("promote", f.toString(), "--name", "doc", "--tickers", "TEST", "--source", "csv:" + quotes), err);
        assertEquals(1, cli("doctor"), "enabled plan, no scheduler");
        assertTrue(out.contains("FAIL  scheduler") && out.contains("./tradebook scheduler"), out);
        assertTrue(out.contains("OK    plan doc strategy") && out.contains("OK    plan doc broker") && out.contains("OK    plan doc quotes"), out);
        assertEquals(0, cli("plan", "disable", "doc"));
        Files.delete(quotes.resolve("TEST.csv"));
        assertEquals(1, cli("doctor"));
        assertTrue(out.contains("FAIL  plan doc quotes") && out.contains("TEST"), out);
        assertTrue(out.contains("OK    scheduler"), out);
    }

    @Test void aNotebookStrategyTakesTheCellDeclaredTypesItUses() throws Exception {
        String helperCell = "public record Sizing(int units) {\n    static Sizing of(int u) { return new Sizing(u); }\n}\n"
                + "class Unused { int broken = \"not an int\"; }\n";
        String strategyCell = """
                public class Sized extends Strategy {
                    static class Inner { int n = 2; }
                    @Override public void next() {
                        if (position().isOpen()) position().close(); else buy(size(Sizing.of(new Inner().n).units()));
                    }
                }
                """;
        com.google.gson.JsonArray cells = new com.google.gson.JsonArray();
        for (String src : new String[] {helperCell, strategyCell}) {
            com.google.gson.JsonObject c = new com.google.gson.JsonObject();
            c.addProperty("cell_type", "code");
            c.addProperty("source", src);
            cells.add(c);
        }
        com.google.gson.JsonObject nb = new com.google.gson.JsonObject();
        nb.add("cells", cells);
        Path f = home.resolve("helpers.ipynb");
        Files.writeString(f, nb.toString());
        assertEquals(0, cli("promote", f.toString(), "Sized", "--name", "sized", "--tickers", "TEST", "--source", "csv:" + quotes), err);
        assertTrue(out.contains("BUY 2") || out.contains("SELL 2"), out);
        assertEquals(0, cli("plan", "show", "sized", "--source"));
        assertTrue(out.contains("record Sizing") && !out.contains("class Unused"), out);
    }

    /** A jar with {@code ext.Units.of()} returning 4, built here. */
    static Path extJar(Path dir) throws Exception {
        Path src = dir.resolve("src/ext/Units.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package ext; public class Units { public static int of() { return 4; } }");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertEquals(0, rc);
        Path jar = dir.resolve("ext.jar");
        try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new java.util.jar.JarEntry("ext/Units.class"));
            j.write(Files.readAllBytes(classes.resolve("ext/Units.class")));
            j.closeEntry();
        }
        return jar;
    }

    @Test void aStrategyThatNeedsAJarGetsItFromThePlan() throws Exception {
        Path jar = extJar(home.resolve("ext"));
        Path f = home.resolve("Ext.java");
        Files.writeString(f, PlanFixtures.TOGGLE.replace("Toggle", "Ext").replace("size(units)", "size(ext.Units.of())"));
        assertEquals(1, cli("promote", f.toString(), "--name", "ext", "--tickers", "TEST", "--source", "csv:" + quotes));
        assertTrue(err.contains("does not compile") && err.contains("ext"), err);
        assertEquals(0, cli("promote", f.toString(), "--name", "ext", "--tickers", "TEST", "--source", "csv:" + quotes, "--jar", jar.toString()), err);
        assertTrue(out.contains("BUY 4") || out.contains("SELL 4"), out);
        assertEquals(0, cli("plan", "run", "ext"), err);
        Files.delete(jar);
        assertEquals(1, cli("doctor"));
        assertTrue(out.contains("FAIL  plan ext settings") && out.contains("jars: no file " + jar), out);
    }
}
