package tradebook.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process engine with two additions: it remembers the static fields of every
 * snippet class it runs, so the kernel can reach the real object behind a variable or an
 * expression (JShell itself only gives a string), and it redirects {@code System.exit} in
 * snippet code so a cell cannot end the kernel. Stop/interrupt is the JDK's own (we only
 * extend it), which is why interrupting a runaway cell works.
 */
final class KernelExecutionControl extends LocalExecutionControl {
    private final Map<String, Field> fields = new ConcurrentHashMap<>();

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(patch(cbcs));
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(patch(cbcs));
    }

    private static ClassBytecodes[] patch(ClassBytecodes[] cbcs) {
        ClassBytecodes[] out = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            out[i] = new ClassBytecodes(cbcs[i].name(), ExitPatcher.patch(cbcs[i].bytecodes()));
        }
        return out;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        for (Field f : doitMethod.getDeclaringClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                f.setAccessible(true);
                fields.put(f.getName(), f);
            }
        }
        return super.invoke(doitMethod);
    }

    /** The current value of a snippet variable (also JShell's {@code $1}-style temporaries). */
    Object value(String name) throws ReflectiveOperationException {
        Field f = fields.get(name);
        if (f == null) throw new NoSuchFieldException(name);
        return f.get(null);
    }

    /** JShell's own text for a value ({@code "text"} quoted, arrays spelled out). */
    static String repr(Object value) {
        return valueString(value);
    }

    boolean hasValue(String name) {
        return fields.containsKey(name);
    }

    /** Hands JShell our control and keeps a reference for the kernel. */
    static final class Provider implements ExecutionControlProvider {
        volatile KernelExecutionControl control;

        @Override
        public String name() {
            return "tradebook";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            control = new KernelExecutionControl();
            return control;
        }
    }
}
