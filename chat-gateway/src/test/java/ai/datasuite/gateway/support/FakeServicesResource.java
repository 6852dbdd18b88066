package ai.datasuite.gateway.support;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import ai.datasuite.gateway.config.Upstream;

/**
 * Starts {@link FakeServices} before the gateway and points {@code gateway.upstreams.*} at them; the init argument
 * {@code down} (comma-separated: inference, ...) leaves those services unreachable.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    private Set<Upstream> down = EnumSet.noneOf(Upstream.class);
    private FakeServices fakes;

    @Override
    public void init(Map<String, String> args) {
        String names = args.getOrDefault("down", "");
        Arrays.stream(names.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .forEach(name -> down.add(Upstream.valueOf(name.toUpperCase())));
    }

    @Override
    public Map<String, String> start() {
        fakes = new FakeServices(down);
        return fakes.config();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fakes, new TestInjector.AnnotatedAndMatchesType(InjectFakes.class, FakeServices.class));
    }

    @Override
    public void stop() {
        if (fakes != null) {
            fakes.stop();
        }
    }
}
