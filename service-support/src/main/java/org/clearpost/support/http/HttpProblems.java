package org.clearpost.support.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.ForbiddenException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.clearpost.support.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Errors the HTTP layer answers before JAX-RS (a body over {@code quarkus.http.limits.max-body-size} or a form
 * attribute over {@code max-form-attribute-size} is 413, a denied HTTP permission 403) get the same problem+json
 * body as everything else. Vert.x's own answers to a request line or headers too long to parse (414, 431) are sent
 * before any route exists and cannot be given a body.
 */
@ApplicationScoped
public class HttpProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Quarkus's own over-limit check runs at this order and ends the response without a body. */
    private static final int QUARKUS_UPLOAD_LIMIT_ORDER = -2;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpProblems::onFailure);
        long limit = maxBodySize.asLongValue();
        router.route().order(QUARKUS_UPLOAD_LIMIT_ORDER - 1).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && !length.isEmpty() && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit) {
                // As Quarkus does: answer from the announced length and close rather than read what was refused.
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                end(context, 413, "The request body is larger than this API accepts (" + limit + " bytes)");
                return;
            }
            context.next();
        });
    }

    private static void onFailure(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof ForbiddenException) {
            end(context, 403, "Your roles do not allow this request");
            return;
        }
        int status = context.statusCode();
        if (failure == null && (status == 400 || status == 403 || status == 404 || status == 405 || status == 413
                || status == 414 || status == 415 || status == 431)) {
            end(context, status, status == 413 ? "The request body is larger than this API accepts" : null);
            return;
        }
        context.next();
    }

    /** Ends the response with a problem+json body for {@code status}; {@code detail} defaults to the reason phrase. */
    public static void end(RoutingContext context, int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : statusTitle(status);
        Problem problem = new Problem("about:blank", title, status, detail != null ? detail : title, List.of());
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            body = "{\"status\":" + status + "}";
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    private static String statusTitle(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Error";
        };
    }
}
