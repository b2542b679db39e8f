package org.clearpost.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.clearpost.events.EventType;
import org.clearpost.support.inbox.EventHandlers;

/**
 * Checks a service's handler tables ({@link EventHandlers}) against the topics its channels really read, as its
 * {@code application.properties} binds them ({@code mp.messaging.incoming.<channel>.topic} or {@code .topics}): every
 * type in {@code EventType} on those topics must be handled or ignored on purpose, or the check fails naming each
 * one. So adding an event type to a topic breaks the build of every consumer of that topic until someone decides
 * what it does with it, instead of its events failing (or vanishing) in production. Plain Java: no Quarkus start.
 */
public final class EventHandlerCoverage {

    private static final String PREFIX = "mp.messaging.incoming.";

    /** Each incoming channel's topics, as configured. */
    private final Map<String, List<String>> topicsByChannel;

    private EventHandlerCoverage(Map<String, List<String>> topicsByChannel) {
        this.topicsByChannel = topicsByChannel;
    }

    /** The channels of the service whose {@code application.properties} is on the classpath (its main resources). */
    public static EventHandlerCoverage ofApplicationProperties() {
        return ofResource("application.properties");
    }

    public static EventHandlerCoverage ofResource(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return of(properties);
    }

    /**
     * Reads the unprofiled keys only: a channel bound to other topics in one profile ({@code %dev.}) would be a
     * different consumer there, which no service does.
     */
    public static EventHandlerCoverage of(Properties properties) {
        Map<String, List<String>> topics = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.lastIndexOf('.');
            String attribute = rest.substring(dot + 1);
            if (dot <= 0 || !(attribute.equals("topic") || attribute.equals("topics"))) {
                continue;
            }
            List<String> named = Arrays.stream(properties.getProperty(key).split(",")).map(String::trim)
                    .filter(t -> !t.isEmpty()).toList();
            topics.computeIfAbsent(rest.substring(0, dot), c -> new ArrayList<>()).addAll(named);
        }
        return new EventHandlerCoverage(topics);
    }

    /** The incoming channels bound to a topic. */
    public Set<String> channels() {
        return new TreeSet<>(topicsByChannel.keySet());
    }

    /** The topics the channels read; fails for a channel bound to none (a renamed channel must not pass unseen). */
    public Set<String> topicsOf(String... channels) {
        Set<String> topics = new LinkedHashSet<>();
        for (String channel : channels) {
            List<String> bound = topicsByChannel.get(channel);
            if (bound == null || bound.isEmpty()) {
                throw new AssertionError("Channel " + channel + " has no mp.messaging.incoming." + channel
                        + ".topic(s); the configured channels are " + channels());
            }
            topics.addAll(bound);
        }
        return topics;
    }

    /**
     * Fails naming every event type on the {@code channels}' topics that {@code handlers} neither handles nor
     * ignores.
     */
    public void assertAccountsFor(EventHandlers<?> handlers, String... channels) {
        Set<String> topics = topicsOf(channels);
        Set<EventType> missing = handlers.unaccountedFor(topics);
        if (!missing.isEmpty()) {
            throw new AssertionError("The handler table of channel(s) " + List.of(channels) + " (topics " + topics
                    + ") neither handles nor ignores " + missing.stream().map(EventHandlerCoverage::describe)
                            .collect(Collectors.joining(", "))
                    + ": add each to the table, handled or ignored with the reason");
        }
    }

    /**
     * The whole service at once: {@code tableByChannel} names the table behind each incoming channel. Fails for a
     * configured channel without a table (a new consumer that was never checked), a table for a channel not
     * configured, and every type a table leaves unaccounted for, all in one message.
     */
    public void assertComplete(Map<String, ? extends EventHandlers<?>> tableByChannel) {
        List<String> problems = new ArrayList<>();
        Set<String> unchecked = new TreeSet<>(topicsByChannel.keySet());
        unchecked.removeAll(tableByChannel.keySet());
        if (!unchecked.isEmpty()) {
            problems.add("incoming channel(s) " + unchecked + " have no handler table under test");
        }
        new TreeMap<>(tableByChannel).forEach((channel, handlers) -> {
            try {
                assertAccountsFor(handlers, channel);
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    private static String describe(EventType type) {
        return type.recordType().getSimpleName() + " (" + type.ceType() + " on " + type.topic() + ")";
    }
}
