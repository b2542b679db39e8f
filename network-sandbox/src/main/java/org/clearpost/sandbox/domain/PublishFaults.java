package org.clearpost.sandbox.domain;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Faults a test arms on a network's publishing endpoints. "Drop after accept": the call is carried out (the post is
 * made and held) and then the connection is closed before the answer is written, so the caller cannot tell whether
 * it published: the case a publisher must reconcile rather than guess.
 *
 * <p>A publishing endpoint calls {@link #afterAccept} once it has made the post, with the request it is answering.
 */
@ApplicationScoped
public class PublishFaults {

    private static final Logger LOG = Logger.getLogger(PublishFaults.class);

    private final Map<Network, Integer> dropsLeft = new EnumMap<>(Network.class);

    public synchronized void dropAfterAccept(Network network, int count) {
        dropsLeft.put(network, count);
    }

    public synchronized void reset() {
        dropsLeft.clear();
    }

    /**
     * Drops the connection of {@code request} when a drop is armed for {@code network}; the endpoint then returns as
     * usual and its answer goes nowhere. Returns whether it dropped.
     */
    public boolean afterAccept(Network network, HttpServerRequest request) {
        synchronized (this) {
            int left = dropsLeft.getOrDefault(network, 0);
            if (left == 0) {
                return false;
            }
            dropsLeft.put(network, left - 1);
        }
        LOG.infof("Dropping the connection of %s %s after accepting it (armed fault)", request.method(),
                request.path());
        drop(request);
        return true;
    }

    /**
     * Closes the connection under the request, now. Vert.x's own {@code HttpConnection.close()} on HTTP/1.x lets a
     * response in progress finish first, so the endpoint's answer would sometimes still get out; closing the channel
     * itself, and waiting for it, is sure to lose the answer the endpoint writes after this returns.
     */
    private static void drop(HttpServerRequest request) {
        if (request.connection() instanceof ConnectionBase connection) {
            connection.channel().close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        } else {
            request.connection().close();
        }
    }
}
