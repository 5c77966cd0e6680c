package tradebook.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class ExitPatcherTest {
    /** Calls System.exit; loaded only in patched form. */
    public static final class Quitter {
        public static void quit() {
            System.exit(3);
        }

        public static int other() {
            return 4;
        }
    }

    private static byte[] bytes(Class<?> c) throws Exception {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName().replace('.', '$') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void exitCallsAreRedirected() throws Exception {
        byte[] original = ExitPatcher.class.getResourceAsStream("ExitPatcherTest$Quitter.class").readAllBytes();
        byte[] patched = ExitPatcher.patch(original);
        Class<?> c = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(Quitter.class.getName(), patched, 0, patched.length);
            }
        }.define();
        assertEquals(4, c.getMethod("other").invoke(null));
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> c.getMethod("quit").invoke(null));
        assertEquals(SystemExit.ExitRequest.class, e.getCause().getClass());
        assertEquals(3, ((SystemExit.ExitRequest) e.getCause()).status());
    }

    @Test
    void classesWithoutExitAreUntouched() throws Exception {
        byte[] original = bytes(ExitPatcherTest.class);
        assertArrayEquals(original, ExitPatcher.patch(original));
    }
}
