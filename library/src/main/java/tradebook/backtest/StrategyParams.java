package tradebook.backtest;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What single-asset and portfolio strategies share about being created and parameterized: their
 * {@link Param} fields (superclass fields first), setting them from a map with type conversion,
 * the {@code Name(a=1,b=2)} form, and a no-argument constructor or a factory.
 */
public final class StrategyParams {
    private StrategyParams() {}

    /** The {@link Param} fields of {@code cls} up to (not including) {@code base}, superclass fields first. */
    public static List<Field> fields(Class<?> cls, Class<?> base) {
        List<List<Field>> levels = new ArrayList<>();
        for (Class<?> c = cls; c != null && c != base; c = c.getSuperclass()) {
            List<Field> fs = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Param.class) && !Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    fs.add(f);
                }
            }
            levels.add(0, fs);
        }
        List<Field> out = new ArrayList<>();
        levels.forEach(out::addAll);
        return out;
    }

    /** The parameter values of {@code strategy}, in field order. */
    public static Map<String, Object> values(Object strategy, Class<?> base) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : fields(strategy.getClass(), base)) {
            try {
                out.put(f.getName(), f.get(strategy));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** {@code Name(a=1,b=2)}, as Backtesting.py names a strategy in its stats. */
    public static String describe(Object strategy, Class<?> base) {
        StringBuilder sb = new StringBuilder(strategy.getClass().getSimpleName()).append('(');
        boolean first = true;
        for (Map.Entry<String, Object> e : values(strategy, base).entrySet()) {
            if (!first) sb.append(',');
            sb.append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return sb.append(')').toString();
    }

    /** Sets {@code params} on the strategy's {@link Param} fields; an unknown name or a wrong type says which. */
    public static void set(Object strategy, Class<?> base, Map<String, ?> params) {
        if (params.isEmpty()) return;
        List<Field> fields = fields(strategy.getClass(), base);
        for (Map.Entry<String, ?> e : params.entrySet()) {
            Field f = null;
            for (Field x : fields) if (x.getName().equals(e.getKey())) f = x;
            if (f == null) {
                List<String> names = new ArrayList<>();
                fields.forEach(x -> names.add(x.getName()));
                throw new BacktestException(strategy.getClass().getSimpleName() + " has no parameter '" + e.getKey()
                        + "': parameters are @Param fields " + names);
            }
            try {
                f.set(strategy, convert(e.getValue(), f.getType(), e.getKey()));
            } catch (IllegalAccessException ex) {
                throw new BacktestException("cannot set parameter " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
    }

    /** A parameter value as the field's type: whole numbers for ints, any number for doubles, enum names, strings. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(Object v, Class<?> type, String name) {
        if (v == null) {
            if (type.isPrimitive()) throw new BacktestException("parameter " + name + " cannot be null");
            return null;
        }
        if (type.isInstance(v)) return v;
        if (v instanceof Number) {
            Number num = (Number) v;
            double d = num.doubleValue();
            if (type == int.class || type == Integer.class) {
                if (d != Math.rint(d)) throw new BacktestException("parameter " + name + " is an int; got " + v);
                return num.intValue();
            }
            if (type == long.class || type == Long.class) return num.longValue();
            if (type == double.class || type == Double.class) return d;
            if (type == float.class || type == Float.class) return num.floatValue();
            if (type == short.class || type == Short.class) return num.shortValue();
        }
        if ((type == boolean.class || type == Boolean.class) && v instanceof Boolean) return v;
        if (type.isEnum() && v instanceof String) return Enum.valueOf((Class<? extends Enum>) type, (String) v);
        if (type == String.class) return String.valueOf(v);
        throw new BacktestException("parameter " + name + " is " + type.getSimpleName() + "; cannot use " + v + " ("
                + v.getClass().getSimpleName() + ")");
    }

    /**
     * A new strategy from {@code factory}, or else from the class's no-argument constructor;
     * {@code backtest} names the caller for the hint, e.g. {@code "new Backtest(data"}.
     */
    public static <T> T instantiate(Class<? extends T> cls, Supplier<? extends T> factory, String backtest) {
        if (factory != null) {
            T st = factory.get();
            if (st == null) throw new BacktestException("the strategy factory returned null");
            return st;
        }
        try {
            Constructor<? extends T> c = cls.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (NoSuchMethodException e) {
            throw new BacktestException(cls.getSimpleName() + " needs a constructor without arguments"
                    + (cls.getEnclosingClass() != null && !Modifier.isStatic(cls.getModifiers())
                    ? " (an inner class needs 'static')" : "") + ", or pass a factory: " + backtest + ", () -> new "
                    + cls.getSimpleName() + "(...))", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BacktestException("cannot create " + cls.getSimpleName() + ": " + error(cause), cause);
        }
    }

    /** {@code ExceptionName: message}, for error messages that name what went wrong. */
    public static String error(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
