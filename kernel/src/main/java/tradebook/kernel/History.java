package tradebook.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** This session's cell inputs, for history_request (basekernel sends no reply without one). */
final class History implements HistoryManager {
    static final int SESSION = 1;

    private static final class Cell {
        final int number;
        final String input;
        volatile String output = "";

        Cell(int number, String input) {
            this.number = number;
            this.input = input;
        }

        int number() { return number; }
        String input() { return input; }
    }

    private final List<Cell> cells = new CopyOnWriteArrayList<>();

    void add(int number, String input) {
        cells.add(new Cell(number, input));
    }

    /** The text form of a cell's result, for requests that ask for output. */
    void setOutput(int number, String output) {
        for (Cell c : cells) if (c.number == number) c.output = output == null ? "" : output;
    }

    @Override
    public List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        List<Cell> all = flags.contains(ResultFlag.UNIQUE) ? unique(cells) : cells;
        int from = Math.max(0, all.size() - Math.max(0, length));
        return entries(all.subList(from, all.size()), flags);
    }

    @Override
    public List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<Cell> out = new ArrayList<>();
        if (session == SESSION || session == 0) {
            for (Cell c : cells) if (c.number() >= start && (stop <= 0 || c.number() < stop)) out.add(c);
        }
        return entries(out, flags);
    }

    @Override
    public List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern p = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<Cell> hits = new ArrayList<>();
        for (Cell c : flags.contains(ResultFlag.UNIQUE) ? unique(cells) : cells) if (p.matcher(c.input()).matches()) hits.add(c);
        int from = length > 0 ? Math.max(0, hits.size() - length) : 0;
        return entries(hits.subList(from, hits.size()), flags);
    }

    private static List<Cell> unique(List<Cell> cells) {
        Set<String> seen = new LinkedHashSet<>();
        List<Cell> out = new ArrayList<>();
        for (int i = cells.size() - 1; i >= 0; i--) if (seen.add(cells.get(i).input())) out.add(0, cells.get(i));
        return out;
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> out = new ArrayList<>();
        for (Cell c : cells) {
            out.add(withOutput ? new HistoryEntry(SESSION, c.number, c.input, c.output) : new HistoryEntry(SESSION, c.number, c.input));
        }
        return out;
    }

    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char ch : (glob == null || glob.isEmpty() ? "*" : glob).toCharArray()) {
            if (ch == '*') sb.append(".*");
            else if (ch == '?') sb.append('.');
            else sb.append(Pattern.quote(String.valueOf(ch)));
        }
        return sb.toString();
    }
}
