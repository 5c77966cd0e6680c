package tradebook.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;

/** The one Gson of the plan package: plan specs, storage and logs as JSON; dates as ISO strings. */
final class Json {
    private Json() {}

    static final Gson GSON = new GsonBuilder()
            .serializeSpecialFloatingPointValues()
            .registerTypeAdapter(LocalDate.class, new TypeAdapter<LocalDate>() {
                @Override public void write(JsonWriter out, LocalDate v) throws IOException {
                    if (v == null) out.nullValue(); else out.value(v.toString());
                }

                @Override public LocalDate read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.NULL) { in.nextNull(); return null; }
                    return LocalDate.parse(in.nextString());
                }
            })
            .create();

    static final Gson PRETTY = GSON.newBuilder().setPrettyPrinting().create();
}
