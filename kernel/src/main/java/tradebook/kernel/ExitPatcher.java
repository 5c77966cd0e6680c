package tradebook.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Points {@code System.exit(int)} calls in snippet class files at {@link SystemExit#exit(int)}.
 * Snippets run inside the kernel's JVM, where a real exit would kill the kernel, and the
 * SecurityManager trick is gone from newer JDKs. Only the constant pool changes: two entries are
 * appended and the class index of each matching method reference is rewritten, so no bytecode
 * offsets move.
 */
final class ExitPatcher {
    private static final String TARGET = SystemExit.class.getName().replace('.', '/');

    private ExitPatcher() {}

    static byte[] patch(byte[] b) {
        try {
            return patchOrNull(b);
        } catch (RuntimeException e) {
            return b; // a class we cannot read is left as it is
        }
    }

    private static byte[] patchOrNull(byte[] b) {
        int count = u2(b, 8);
        int[] tag = new int[count];
        int[] at = new int[count];
        int p = 10;
        for (int i = 1; i < count; i++) {
            tag[i] = b[p] & 0xff;
            at[i] = p;
            p += switch (tag[i]) {
                case 1 -> 3 + u2(b, p + 1);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;
                case 5, 6 -> 9;
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                default -> throw new IllegalArgumentException("constant tag " + tag[i]);
            };
            if (tag[i] == 5 || tag[i] == 6) i++;
        }
        int poolEnd = p;
        List<Integer> targets = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tag[i] != 10) continue;
            int cls = u2(b, at[i] + 1), nat = u2(b, at[i] + 3);
            if (tag[cls] == 7 && "java/lang/System".equals(utf8(b, at, u2(b, at[cls] + 1)))
                    && "exit".equals(utf8(b, at, u2(b, at[nat] + 1)))
                    && "(I)V".equals(utf8(b, at, u2(b, at[nat] + 3)))) {
                targets.add(at[i]);
            }
        }
        if (targets.isEmpty()) return b;
        byte[] out = b.clone();
        int nameIndex = count, classIndex = count + 1;
        for (int pos : targets) {
            out[pos + 1] = (byte) (classIndex >> 8);
            out[pos + 2] = (byte) classIndex;
        }
        out[8] = (byte) ((count + 2) >> 8);
        out[9] = (byte) (count + 2);
        ByteArrayOutputStream res = new ByteArrayOutputStream(b.length + 64);
        res.write(out, 0, poolEnd);
        byte[] name = TARGET.getBytes(StandardCharsets.UTF_8);
        res.write(1);
        res.write(name.length >> 8);
        res.write(name.length);
        res.write(name, 0, name.length);
        res.write(7);
        res.write(nameIndex >> 8);
        res.write(nameIndex);
        res.write(out, poolEnd, out.length - poolEnd);
        return res.toByteArray();
    }

    private static int u2(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static String utf8(byte[] b, int[] at, int index) {
        int p = at[index];
        if ((b[p] & 0xff) != 1) return null;
        return new String(b, p + 3, u2(b, p + 1), StandardCharsets.UTF_8); // modified UTF-8 is fine for ASCII names
    }
}
