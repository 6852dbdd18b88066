package ai.datasuite.retrieval.document;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import io.smallrye.config.WithDefault;

import ai.datasuite.retrieval.config.DocumentsConfig;

/**
 * {@link DocumentsConfig} outside Quarkus with exactly the service's defaults: every key answers its own
 * {@code @WithDefault}, read from the interface, so measurements without the container use what the service uses.
 */
final class TestDocumentsConfig {

    private TestDocumentsConfig() {
    }

    static DocumentsConfig defaults() {
        return proxy(DocumentsConfig.class);
    }

    private static <T> T proxy(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + " defaults";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> value(method);
                });
        return type.cast(proxy);
    }

    private static Object value(Method method) {
        Class<?> type = method.getReturnType();
        if (type.isInterface()) {
            return proxy(type);
        }
        WithDefault d = method.getAnnotation(WithDefault.class);
        if (d == null) {
            throw new IllegalStateException(method + " has no default");
        }
        String v = d.value();
        if (type == int.class) {
            return Integer.parseInt(v);
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
