package org.clearpost.console.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceProblem;
import org.clearpost.console.gateway.ServiceResponse;

/**
 * The lead's screens' calls to clearance (and the publisher's state), read into {@link ClearanceViews}. A read the
 * page cannot do without fails the page as {@link ServiceProblem} (a drafter opening these pages sees clearance's
 * own refusal); a change comes back as it was answered, so a refusal can be shown beside the form.
 */
@RequestScoped
class LeadCalls {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final ServiceClient client;

    LeadCalls(ServiceClient client) {
        this.client = client;
    }

    <T> T read(Service service, String path, Class<T> type) {
        return convert(client.read(service, path), JSON.constructType(type));
    }

    <T> List<T> readList(Service service, String path, Class<T> type) {
        return convert(client.read(service, path), JSON.getTypeFactory().constructCollectionType(List.class, type));
    }

    /** A clearance read whose refusal the page shows itself (the notice: none when no period is declared). */
    ServiceResponse get(String path) {
        return get(Service.CLEARANCE, path);
    }

    ServiceResponse get(Service service, String path) {
        return client.get(service, path);
    }

    ServiceResponse post(String path, Object body) {
        return client.postJson(Service.CLEARANCE, path, body);
    }

    ServiceResponse put(String path, Object body) {
        return client.putJson(Service.CLEARANCE, path, body);
    }

    /** Clearance's DELETEs that end something take the reason in a JSON body. */
    ServiceResponse deleteWithReason(String path, String reason) {
        try {
            return client.send(Service.CLEARANCE, "DELETE", path, "application/json",
                    JSON.writeValueAsBytes(new ClearanceViews.Reason(reason)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T convert(Object json, JavaType type) {
        return JSON.convertValue(json, type);
    }

    /**
     * The service's problem with each field's message led by the label its form shows ("Name must not be blank",
     * "End must be after the start"), since clearance names fields as its API does; field names inside a message
     * become their labels too.
     */
    static Problem labelled(Problem problem, Map<String, String> labels) {
        return new Problem(problem.status(), problem.title(), problem.detail(),
                problem.violations().stream().map(v -> labelled(v, labels)).toList());
    }

    static Problem.Violation labelled(Problem.Violation v, Map<String, String> labels) {
        String label = v.field() == null ? null : labels.get(v.field());
        if (label == null) {
            return v;
        }
        String message = v.message();
        for (Map.Entry<String, String> other : labels.entrySet()) {
            message = message.replaceAll("\\b" + Pattern.quote(other.getKey()) + "\\b",
                    "the " + other.getValue().toLowerCase(Locale.UK));
        }
        // "Name must not be blank", but "Start: 2031-03-30T01:30 does not exist in London ..."
        boolean phrase = !message.isEmpty() && Character.isLowerCase(message.charAt(0));
        return new Problem.Violation(v.field(), label + (phrase ? " " : ": ") + message);
    }
}
