package tradebook.kernel;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.util.ArrayList;
import java.util.List;

/**
 * basekernel 2.3.0 leaves the required {@code status} field out of kernel_info_reply and
 * history_reply (the conformance suite rejects both); these add it and keep its serialization.
 */
final class Replies {
    private Replies() {}

    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") private final String status = "ok";

        KernelInfo(String implementationVersion, LanguageInfo info, String banner) {
            super("5.3", "tradebook", implementationVersion, info, banner, List.of());
        }
    }

    /** history entries as the protocol's tuples: [session, line, input] or [session, line, [input, output]]. */
    static final class History implements ContentType<History> {
        @SuppressWarnings("unused") private final String status = "ok";
        private final List<List<Object>> history = new ArrayList<>();

        History(List<HistoryEntry> entries, boolean withOutput) {
            for (HistoryEntry e : entries) {
                Object text = withOutput ? List.of(e.getInput(), e.hasOutput() ? e.getOutput() : "") : e.getInput();
                history.add(List.of(e.getSession(), e.getCellNumber(), text));
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<History> getType() {
            return (MessageType) HistoryReply.MESSAGE_TYPE;
        }
    }
}
