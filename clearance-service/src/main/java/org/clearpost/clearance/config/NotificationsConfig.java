package org.clearpost.clearance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where leads are told of overdue cases: e-mail addresses and a chat webhook (Slack/Teams-compatible
 * {@code {"text": ...}} POST), by default for every route and overridden per route under
 * {@code routes.<route>}. The SMTP server itself is {@code quarkus.mailer.*}.
 */
@ConfigMapping(prefix = "clearpost.clearance.notifications")
public interface NotificationsConfig {

    /** Addresses mailed for a route that names none of its own. */
    Optional<List<String>> email();

    /** Webhook posted to for a route that names none of its own. */
    Optional<URI> webhook();

    /** Each route's own channels, where it has any. */
    RouteChannels routes();

    /** How often the sender looks for notifications to deliver; read by the scheduler. */
    @WithDefault("10s")
    String sendInterval();

    /** Wait after the first failed delivery; doubled after each further failure up to {@link #maxRetryDelay()}. */
    @WithDefault("30s")
    Duration retryDelay();

    @WithDefault("1h")
    Duration maxRetryDelay();

    /** How long one delivery (SMTP exchange or webhook POST) may take before it counts as failed. */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** A base URL for the case link in the message, e.g. the web app's; none leaves the link out. */
    Optional<String> caseLinkBase();

    /** Fixed groups, not a map, so each can be set from an environment variable like the routes themselves. */
    interface RouteChannels {

        Channels normal();

        Channels preElection();

        Channels crisis();

        Channels live();

        /** The channels of the route named {@code route}, empty for a route with none of its own. */
        default Optional<Channels> of(String route) {
            return Optional.ofNullable(switch (route) {
                case "normal" -> normal();
                case "pre-election" -> preElection();
                case "crisis" -> crisis();
                case "live" -> live();
                default -> null;
            });
        }
    }

    interface Channels {

        Optional<List<String>> email();

        Optional<URI> webhook();
    }
}
