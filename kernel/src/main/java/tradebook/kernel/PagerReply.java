package tradebook.kernel;

import com.google.gson.annotations.SerializedName;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import java.util.List;
import java.util.Map;

/** An execute_reply carrying a "page" payload (basekernel's ExecuteReply has no payloads): {@code Math.max?} shows docs in the pager. */
final class PagerReply implements ContentType<PagerReply> {
    private final String status = "ok";
    @SerializedName("execution_count")
    private final int executionCount;
    private final List<Map<String, Object>> payload;
    @SerializedName("user_expressions")
    private final Map<String, Object> userExpressions = Map.of();

    PagerReply(int executionCount, String text) {
        this.executionCount = executionCount;
        this.payload = List.of(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MessageType<PagerReply> getType() {
        return (MessageType) ExecuteReply.MESSAGE_TYPE;
    }
}
