package org.clearpost.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link RealInfrastructure}, with the service's database reached through a {@link TcpProxy} that the test can cut
 * to make the database unreachable and restore to bring it back. Inject the proxy into the test with a field of type
 * {@code TcpProxy}:
 * <pre>
 * &#64;QuarkusTestResource(value = UnreliableDatabase.class, restrictToAnnotatedClass = true,
 *         initArgs = &#64;ResourceArg(name = "database", value = "analytics"))
 * </pre>
 */
public class UnreliableDatabase implements QuarkusTestResourceLifecycleManager {

    private final RealInfrastructure infrastructure = new RealInfrastructure();
    private TcpProxy proxy;

    @Override
    public void init(Map<String, String> initArgs) {
        infrastructure.init(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        String url = config.get("quarkus.datasource.jdbc.url");
        URI direct = URI.create(url.substring("jdbc:".length()));
        proxy = TcpProxy.to(direct.getHost(), direct.getPort());
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + proxy.port() + direct.getPath());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(TcpProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        infrastructure.stop();
    }
}
