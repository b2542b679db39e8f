package org.clearpost.sandbox.x;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.clearpost.sandbox.domain.Tokens;

/**
 * {@code GET /2/tweets/search/stream}: X's filtered stream, a chunked response that never ends, one JSON post a line
 * ({@code \r\n}) with {@code \r\n} keep-alives. A plain Vert.x route rather than a JAX-RS resource: the response is
 * written for as long as the client stays, from the firehose's thread, and closed when the sandbox drops it.
 * (Its rules, {@code /2/tweets/search/stream/rules}, are JAX-RS and live elsewhere.)
 */
@ApplicationScoped
public class XStreamRoute {

    public static final String PATH = "/2/tweets/search/stream";

    private final XFirehose firehose;

    XStreamRoute(XFirehose firehose) {
        this.firehose = firehose;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::connect);
    }

    private void connect(RoutingContext ctx) {
        Optional<String> token = Tokens.fromAuthorization(ctx.request().getHeader("Authorization"), "Bearer")
                .filter(t -> !Tokens.isExpired(t));
        if (token.isEmpty()) {
            // As X: no rate headers when it cannot tell who is calling.
            ctx.response().setStatusCode(401).putHeader("content-type", "application/json; charset=utf-8")
                    .end("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
            return;
        }
        firehose.connect(Tokens.fingerprint(token.get()), ctx.response());
    }
}
