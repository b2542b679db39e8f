package org.clearpost.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.clearpost.events.KafkaAccess;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a real Kafka broker and a real PostgreSQL database:
 * <pre>
 * &#64;QuarkusTestResource(value = RealInfrastructure.class, initArgs = &#64;ResourceArg(name = "database", value = "drafting"))
 * </pre>
 * Both servers are shared by every test of the JVM and stopped when it exits; each service gets its own database.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    private static final String DEFAULT_DATABASE = "test";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        // Every service under test also gets the decision-signing keys (only clearance and the publisher read them).
        Map<String, String> config = new HashMap<>(sharedConfigFor(database));
        config.putAll(TestSigningKeys.config());
        return config;
    }

    /**
     * Quarkus loads this class anew in each application restart's class loader (another test profile, say) and
     * closes that loader afterwards. The servers must outlive those loaders, or every restart would start another
     * pair and leave the first running on classes that can no longer load. So they are held by the class as loaded
     * by the JVM's system class loader, which under surefire holds the whole test class path.
     */
    private static Map<String, String> sharedConfigFor(String database) {
        return callShared("configFor", database);
    }

    /**
     * A complete Kafka client configuration (bootstrap servers, SASL login) for the shared broker's super user, who
     * may read and write every topic: for test clients that stand in for other services.
     */
    public static Map<String, String> kafkaSuperUserConfig() {
        return callShared("kafkaClientConfig", KafkaAccess.ADMIN);
    }

    /** The same for one principal of the contract's {@link KafkaAccess} table, e.g. {@code drafting-service}. */
    public static Map<String, String> kafkaClientConfig(String principal) {
        return callShared("kafkaClientConfig", principal);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> callShared(String method, String argument) {
        Class<?> holder;
        try {
            holder = Class.forName(SharedInfrastructure.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException notOnTheSystemClassPath) {
            holder = SharedInfrastructure.class;
        }
        try {
            Method shared = holder.getDeclaredMethod(method, String.class);
            // The holder sits in another class loader, hence another runtime package: package access needs opening.
            shared.setAccessible(true);
            return (Map<String, String>) shared.invoke(null, argument);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the shared test infrastructure", e);
        }
    }

    /** Nothing to do: the servers outlive a single test class and are stopped by a JVM shutdown hook. */
    @Override
    public void stop() {
    }
}
