package ai.datasuite.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The HTTP methods a path answers, for the {@code Allow} header of a 405 (RFC 9110 requires it; the framework's own
 * 405 carries none). Read once from the resource classes' {@code @Path} and method annotations.
 */
@Singleton
public class AllowedMethods {

    private static final Pattern PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?}");

    private final BeanManager beans;
    private volatile List<Route> routes;

    public AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The methods some resource answers on this path (with HEAD beside GET, and OPTIONS), sorted; empty if none. */
    public Set<String> of(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.pattern.matcher(path).matches()) {
                allowed.add(route.method);
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return allowed;
    }

    private List<Route> routes() {
        List<Route> found = routes;
        if (found == null) {
            found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null || type.isInterface()) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        Path methodPath = method.getAnnotation(Path.class);
                        found.add(new Route(http, regex(join(classPath.value(), methodPath == null ? "" : methodPath.value()))));
                    }
                }
            }
            routes = found;
        }
        return found;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String path = "/" + a + "/" + b;
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append('(').append(m.group(1) == null ? "[^/]+" : m.group(1).trim()).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }

    private record Route(String method, Pattern pattern) {
    }
}
