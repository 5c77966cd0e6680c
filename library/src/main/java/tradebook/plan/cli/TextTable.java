package tradebook.plan.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain text table with aligned columns (what the CLI prints). */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final String[] head;

    TextTable(String... head) {
        this.head = head;
    }

    TextTable row(Object... cells) {
        String[] r = new String[head.length];
        for (int i = 0; i < head.length; i++) r[i] = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "";
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override public String toString() {
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) w[i] = head[i].length();
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        line(sb, head, w);
        String[] dash = new String[head.length];
        for (int i = 0; i < head.length; i++) dash[i] = "-".repeat(w[i]);
        line(sb, dash, w);
        for (String[] r : rows) line(sb, r, w);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] w) {
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) sb.append(" ".repeat(w[i] - cells[i].length() + 2));
        }
        sb.append('\n');
    }
}
