package org.clearpost.console.gateway;

/** A service did not answer (refused, reset or too slow): that screen says so; the rest of the console goes on. */
public class ServiceUnavailable extends RuntimeException {

    private final Service service;

    public ServiceUnavailable(Service service, Throwable cause) {
        super(service.shownAs() + " is not answering just now", cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
