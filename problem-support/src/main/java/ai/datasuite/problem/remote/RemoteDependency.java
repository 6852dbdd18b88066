package ai.datasuite.problem.remote;

/**
 * The {@link RemoteCall.Dependency} part of a client bean: which service it calls and where. A client bean extends it,
 * passes both to the constructor and keeps only its calls (and an {@link #unavailableSlug()} override where a service
 * published another type before).
 * <p>
 * The accessors are deliberately not final: client beans are normal-scoped and intercepted, and the container's client
 * proxy and intercepted subclass override them to delegate (Quarkus can strip a {@code final} at build time, but the
 * class should not depend on that).
 */
public abstract class RemoteDependency implements RemoteCall.Dependency {

    private final String service;
    private final String baseUrl;

    /**
     * @param service the service's name as users know it, e.g. {@code metadata-service}
     * @param baseUrl where it is called (the REST client's configured URL)
     */
    protected RemoteDependency(String service, String baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    /**
     * For the container only: ArC gives a normal-scoped bean a no-argument constructor for its client proxy, and can
     * do so only when the superclass has one. The proxy delegates every call, so these empty fields are never read.
     */
    protected RemoteDependency() {
        this(null, null);
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }
}
