package ai.datasuite.retrieval.config;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

import io.smallrye.config.WithDefault;

/**
 * A {@code @ConfigMapping} interface outside Quarkus: every key answers its own {@code @WithDefault} (so a unit test
 * checks the service's real defaults), except the overrides, named by their method path ({@code "fit.maxEmbeddedTexts"}).
 */
public final class ConfigDefaults {

    private ConfigDefaults() {
    }

    public static <T> T of(Class<T> type) {
        return of(type, Map.of());
    }

    public static <T> T of(Class<T> type, Map<String, Object> overrides) {
        return proxy(type, "", overrides);
    }

    private static <T> T proxy(Class<T> type, String prefix, Map<String, Object> overrides) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + " defaults";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> value(method, prefix + method.getName(), overrides);
                });
        return type.cast(proxy);
    }

    private static Object value(Method method, String path, Map<String, Object> overrides) {
        if (overrides.containsKey(path)) {
            return overrides.get(path);
        }
        Class<?> type = method.getReturnType();
        if (type.isInterface()) {
            return proxy(type, path + ".", overrides);
        }
        WithDefault d = method.getAnnotation(WithDefault.class);
        if (d == null) {
            throw new IllegalStateException(method + " has no default");
        }
        String v = d.value();
        if (type == int.class) {
            return Integer.parseInt(v);
        }
        if (type == long.class) {
            return Long.parseLong(v);
        }
        if (type == double.class) {
            return Double.parseDouble(v);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(v);
        }
        return v;
    }
}
