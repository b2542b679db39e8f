package org.clearpost.support.reliability;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.clearpost.support.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * While the database (or the broker) is away a request fails with a persistence, JDBC or transaction exception.
 * If {@link TransientFailures} says it will pass, the client gets 503 problem+json with {@code Retry-After}, so it
 * knows to try again rather than report a fault; anything else of these kinds is a 500 problem+json, logged with
 * its stack, as before.
 */
public class TransientFailureMapper {

    private static final Logger LOG = Logger.getLogger(TransientFailureMapper.class);
    /** Seconds; a restarted PostgreSQL accepts connections again within a few. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper({jakarta.persistence.PersistenceException.class, SQLException.class,
            jakarta.transaction.TransactionalException.class, org.apache.kafka.common.KafkaException.class})
    public Response map(Exception exception) {
        return toResponse(exception);
    }

    static Response toResponse(Throwable exception) {
        if (TransientFailures.isTransient(exception)) {
            LOG.warnf("Answering 503: %s", exception);
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                            "A service this request needs (its database or message broker) is unavailable for the "
                                    + "moment, so the request was not completed. Try again shortly.").toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Request failed", exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The request failed; the error has been logged.")
                .toResponse();
    }
}
