package org.clearpost.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** JAX-RS's own errors (unknown path, wrong method, unsupported media type) in the same problem+json form. */
@Provider
public class WebApplicationProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return JsonProblemMapper.toResponse(json); // Quarkus REST wraps body parse errors
        }
        Response original = exception.getResponse();
        if (original.getEntity() instanceof Problem) {
            return original; // already written for the client, e.g. by EnumParamConverterProvider
        }
        Response.StatusType status = original.getStatusInfo();
        String detail = exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage();
        Response.ResponseBuilder response = Response.status(status.getStatusCode()).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                        List.of()));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
