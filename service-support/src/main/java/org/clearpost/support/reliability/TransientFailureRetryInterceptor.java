package org.clearpost.support.reliability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Retries a consumer's handler while its failure is transient, so that a database or broker outage delays events
 * instead of sending them to the dead-letter topic, where they would be skipped for good.
 *
 * <p>Why this is safe with the smallrye Kafka connector: an {@code @Incoming @Transactional} method is blocking and
 * ordered, so while one record is retried the channel's next records wait behind it (each partition's order is
 * kept). The connector polls on its own thread and pauses the partitions once its queue is full instead of stopping
 * to poll, so {@code max.poll.interval.ms} is not exceeded and the consumer stays in its group. The throttled commit
 * strategy would instead fail the channel when a record stays unacknowledged longer than
 * {@code throttled.unprocessed-record-max-age.ms}; service-support's defaults turn that watchdog off
 * (META-INF/microprofile-config.properties), since a record held here is held on purpose and the database's own
 * health check already reports the outage.
 *
 * <p>The priority puts this interceptor outside {@code @Transactional} (PLATFORM_BEFORE + 200), so each attempt runs
 * in a fresh transaction rather than in one already marked for rollback.
 */
@RetryTransientFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientFailureRetryInterceptor {

    private static final Logger LOG = Logger.getLogger(TransientFailureRetryInterceptor.class);
    /** After this many retries only every this-many-th is logged at WARN, the rest at DEBUG. */
    private static final int LOUD_RETRIES = 5;

    @Inject
    ConsumerRetryConfig config;

    @Inject
    MeterRegistry registry;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        Backoff backoff = new Backoff(config.first(), config.max());
        String handler = invocation.getMethod().getDeclaringClass().getSimpleName() + "#"
                + invocation.getMethod().getName();
        long started = System.nanoTime();
        for (int retry = 1; ; retry++) {
            try {
                Object result = invocation.proceed();
                if (retry > 1) {
                    LOG.infof("%s succeeded after %d retries (%d ms)", handler, retry - 1,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
                return result;
            } catch (Exception e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                Duration delay = backoff.delay(retry);
                registry.counter("clearpost.consumer.transient.retries", "handler", handler).increment();
                Logger.Level level = retry <= LOUD_RETRIES || retry % LOUD_RETRIES == 0
                        ? Logger.Level.WARN : Logger.Level.DEBUG;
                LOG.logf(level, "%s failed transiently (retry %d in %d ms, the record is held, not dead-lettered): %s",
                        handler, retry, delay.toMillis(), rootMessage(e));
                sleep(delay);
            }
        }
    }

    /**
     * An interrupt (the application stopping) does not end the retries: giving up would dead-letter the record.
     * The process exits around this thread instead, and the record, never acknowledged, is delivered again to
     * whichever consumer takes the partition next.
     */
    private static void sleep(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); left > 0; left = until - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                LOG.debug("Interrupted while waiting out a transient failure; still holding the record");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e.getClass().getSimpleName() + " caused by " + root;
    }
}
