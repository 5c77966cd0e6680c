package tradebook.kernel;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import java.util.EnumSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocol side: maps Jupyter requests (via jupyter-jvm-basekernel) onto the {@link JavaEngine}
 * and turns results, displays and errors into Jupyter messages. The engine is built in the
 * background so the kernel answers kernel_info at once; requests that need it wait for it.
 */
final class TradebookKernel extends BaseKernel {
    private final CompletableFuture<JavaEngine> engine;
    private final History history = new History();
    private final LanguageInfo languageInfo = new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jsh")
            .pygments("java")
            .codemirror("text/x-java")
            .build();
    private volatile CellRunner runner;
    private volatile ShellReplyEnvironment currentEnv;
    private static final Pattern HELP = Pattern.compile("\\s*([\\w.$]+(?:\\(\\))?)\\s*\\?\\s*");

    TradebookKernel(CompletableFuture<JavaEngine> engine) {
        this.engine = engine;
        Display.setSink(new Display.Sink() {
            @Override
            public void show(Map<String, String> bundle, String displayId, boolean update) {
                TradebookKernel.this.show(bundle, displayId, update);
            }

            @Override
            public void clear(boolean wait) {
                clearOutput(wait);
            }
        });
    }

    /**
     * Wraps basekernel's execute handler: remembers the reply environment while a cell runs (for
     * clear_output) and answers {@code name?} help requests with a pager payload.
     */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        ShellHandler<ExecuteRequest> base = connection.getHandler(MessageType.EXECUTE_REQUEST);
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, msg) -> {
            Matcher help = HELP.matcher(msg.getContent().getCode());
            if (help.matches()) {
                page(env, msg, help.group(1));
                return;
            }
            currentEnv = env;
            try {
                base.handle(env, msg);
            } finally {
                currentEnv = null;
            }
        });
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            env.reply((KernelInfoReply) new Replies.KernelInfo(VERSION, languageInfo, getBanner()));
        });
        connection.setHandler(MessageType.HISTORY_REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            env.reply(new Replies.History(lookup(msg.getContent()), msg.getContent().includeOutput()));
        });
    }

    static final String VERSION = "0.1.0";

    private List<HistoryEntry> lookup(HistoryRequest r) {
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (r.includeOutput()) flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        if (r instanceof HistoryRequest.Tail t) return history.lookupTail(t.getMaxReturnLength(), flags);
        if (r instanceof HistoryRequest.Range g) return history.lookupRange(g.getSessionIndex(), g.getStart(), g.getStop(), flags);
        if (r instanceof HistoryRequest.Search s) {
            if (s.filterUnique()) flags.add(HistoryManager.ResultFlag.UNIQUE);
            return history.search(s.getPattern(), s.getMaxReturnLength(), flags);
        }
        return List.of();
    }

    private void page(ShellReplyEnvironment env, Message<ExecuteRequest> msg, String name) {
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        String code = msg.getContent().getCode();
        env.publish(new PublishExecuteInput(code, count));
        history.add(count, code);
        String text;
        try {
            text = engine().documentation(name, name.length(), true).orElse("No documentation found for " + name);
        } catch (CellError e) {
            text = e.getMessage();
        }
        env.reply(new PagerReply(count, text));
    }

    private void clearOutput(boolean wait) {
        ShellReplyEnvironment env = currentEnv;
        if (env == null) return;
        System.out.flush();
        System.err.flush();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    private JavaEngine engine() throws CellError {
        try {
            return engine.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellError.Interrupted("interrupted", List.of("Interrupted while the kernel was starting"));
        } catch (ExecutionException e) {
            throw new CellError("the Java engine failed to start: " + e.getCause(), List.of(
                    Ansi.red("The Java engine failed to start: ") + e.getCause()));
        }
    }

    private CellRunner runner() throws CellError {
        if (runner == null) runner = new CellRunner(engine(), b -> show(b, null, false));
        return runner;
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (Tradebook kernel, JShell)";
    }

    @Override
    public HistoryManager getHistoryManager() {
        return history;
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        int count = executionCount.get() - 1; // basekernel has already counted this request
        history.add(count, code);
        JavaEngine.Result r;
        try {
            r = runner().run(code, "cell [" + count + "]");
        } catch (CellError e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new CellError("kernel error: " + e, List.of(Ansi.red("Kernel error: ") + e));
        } finally {
            System.out.flush();
            System.err.flush();
        }
        if (!r.hasValue() || r.value() instanceof Display.Handle) return null;
        Map<String, String> bundle = Renderer.render(r.value(), r.text());
        history.setOutput(count, bundle.get("text/plain"));
        return toDisplayData(bundle);
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellError c) return c.traceback();
        return List.of(Ansi.red(e.getClass().getSimpleName() + ": ") + e.getMessage());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) throws Exception {
        Optional<String> doc = engine().documentation(code, at, true);
        return doc.map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) throws Exception {
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        String line = code.substring(lineStart, at);
        if (line.matches("\\s*%%?[\\w-]*")) {
            int start = lineStart + line.lastIndexOf('%') + 1;
            String prefix = code.substring(start, at);
            List<String> names = new ArrayList<>();
            Magics.lookup("");
            for (String n : Magics.help().keySet()) if (n.startsWith(prefix)) names.add(n);
            return new ReplacementOptions(names, start, at);
        }
        int[] anchor = new int[1];
        List<String> options = engine().complete(code, at, anchor);
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%")) return IS_COMPLETE_YES;
        try {
            return switch (engine().completeness(code)) {
                case "incomplete" -> "    ";
                case "invalid" -> IS_COMPLETE_BAD;
                default -> IS_COMPLETE_YES;
            };
        } catch (CellError e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public void interrupt() {
        JavaEngine e = engine.getNow(null);
        if (e != null) e.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        JavaEngine e = engine.getNow(null);
        if (e != null) e.close();
    }

    private void show(Map<String, String> bundle, String displayId, boolean update) {
        System.out.flush(); // keep printed text before the display it preceded
        System.err.flush();
        DisplayData dd = toDisplayData(bundle);
        if (displayId != null) dd.setDisplayId(displayId);
        if (update) getIO().display.updateDisplay(displayId, dd);
        else display(dd);
    }

    /** JSON mime types travel as JSON objects, not as strings holding JSON. */
    static DisplayData toDisplayData(Map<String, String> bundle) {
        DisplayData dd = new DisplayData();
        bundle.forEach((mime, content) -> {
            if (mime.endsWith("json") || mime.endsWith("+json")) {
                try {
                    dd.putData(mime, JsonParser.parseString(content));
                    return;
                } catch (JsonParseException ignored) {
                    // not JSON after all: send the text
                }
            }
            dd.putData(mime, content);
        });
        return dd;
    }
}
