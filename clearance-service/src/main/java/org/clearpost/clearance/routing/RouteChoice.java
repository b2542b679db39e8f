package org.clearpost.clearance.routing;

/** The route a case takes and why, as the audit log records it. */
public record RouteChoice(String route, String reason) {
}
