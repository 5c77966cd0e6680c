package tradebook.chart;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a notebook whose cells hold chart outputs exactly as the kernel sends them (not a
 * test): for checking static exports (nbconvert) and front ends by hand, and measuring the
 * notebook's size. Run: java -cp ... tradebook.chart.NotebookExport out.ipynb
 */
public final class NotebookExport {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/charts/charts.ipynb");
        JsonArray cells = new JsonArray();
        cells.add(cell("bt.plot()", Samples.goog().plot().toMimeBundle()));
        cells.add(cell("Chart.plotHeatmaps(heatmap)", Chart.plotHeatmaps(Samples.threeParams()).toMimeBundle()));
        cells.add(cell("walk.plot()", Samples.walk().plot().toMimeBundle()));
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        JsonObject meta = new JsonObject(), ks = new JsonObject();
        ks.addProperty("name", "tradebook");
        ks.addProperty("display_name", "Tradebook (Java)");
        ks.addProperty("language", "java");
        meta.add("kernelspec", ks);
        nb.add("metadata", meta);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        Gson gson = new GsonBuilder().disableHtmlEscaping().create();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, gson.toJson(nb));
        System.out.printf("%s: %,d bytes, 3 charts (plotly.js %,d bytes once)%n", out, Files.size(out), PlotlyHtml.plotlyJs().length());
    }

    private static int count;

    private static JsonObject cell(String source, Map<String, String> bundle) {
        JsonObject data = new JsonObject();
        for (Map.Entry<String, String> e : bundle.entrySet()) {
            if (e.getKey().endsWith("json")) data.add(e.getKey(), JsonParser.parseString(e.getValue()));
            else data.addProperty(e.getKey(), e.getValue());
        }
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "display_data");
        output.add("data", data);
        output.add("metadata", new JsonObject());
        JsonArray outputs = new JsonArray();
        outputs.add(output);
        JsonObject c = new JsonObject();
        c.addProperty("cell_type", "code");
        c.addProperty("id", "cell" + (++count));
        c.addProperty("execution_count", count);
        c.add("metadata", new JsonObject());
        c.addProperty("source", source);
        c.add("outputs", outputs);
        return c;
    }
}
