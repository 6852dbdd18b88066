package ai.datasuite.system;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For the console's browser tests: skips them (with the reason) where Chromium is not installed, starts one
 * {@link ConsoleSuite} for all of them (closed when every test has run), gives each test class its {@link Browser}
 * and {@link ConsoleSuite} as parameters, and saves a screenshot of the page when a test fails.
 */
final class ConsoleExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConsoleExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeTrue(Browser.available(), "the console's browser tests need Debian's chromium and"
                + " chromium-driver (" + Browser.CHROMIUM + ", " + Browser.CHROMEDRIVER + "); .ci/run installs them");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == ConsoleSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConsoleSuite.class ? suite(context) : browser(context);
    }

    static ConsoleSuite suite(ExtensionContext context) {
        return (ConsoleSuite) context.getRoot().getStore(NS)
                .getOrComputeIfAbsent("suite", k -> new Closing(startSuite()), Closing.class).value();
    }

    private static ConsoleSuite startSuite() {
        try {
            return ConsoleSuite.start();
        } catch (Exception e) {
            throw new IllegalStateException("the suite did not start: " + e.getMessage(), e);
        }
    }

    /** One browser per test class, closed after it. */
    static Browser browser(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow() : context;
        ConsoleSuite suite = suite(context);
        return (Browser) classContext.getStore(NS)
                .getOrComputeIfAbsent("browser", k -> new Closing(new Browser(suite.url)), Closing.class).value();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ExtensionContext classContext = context.getParent().orElseThrow();
        Closing browser = classContext.getStore(NS).get("browser", Closing.class);
        if (browser != null && browser.value() instanceof Browser b) {
            try {
                Path shot = b.screenshot(Browser.FAILURES,
                        context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName());
                System.err.println("Screenshot of the failed test: " + shot.toAbsolutePath());
                System.err.println("Browser console: " + b.consoleMessages());
            } catch (Exception e) {
                System.err.println("No screenshot: " + e);
            }
        }
    }

    /** A store value closed when its context ends. */
    record Closing(AutoCloseable value) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            value.close();
        }
    }
}
