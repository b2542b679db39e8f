package org.clearpost.support.inbox;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;

/**
 * One consumer's handler table: every event type on the topics it reads is either handled, by exactly one handler,
 * or ignored on purpose with the reason written next to it. Declared in one place, so no type is dropped silently: a
 * type the table does not name is an error when it arrives ({@link #dispatch}), and each service's test fails first
 * ({@link #unaccountedFor}) when {@code EventType} gains a type on one of its topics.
 *
 * @param <C> what a handler may need besides the event (the {@link ReceivedEvent}, a Kafka record, a stream
 *            processor's context); handlers that need only the event ignore it
 */
public final class EventHandlers<C> {

    private final Map<EventType, BiConsumer<ClearpostEvent, C>> handlers;
    private final Map<EventType, String> ignored;

    private EventHandlers(Map<EventType, BiConsumer<ClearpostEvent, C>> handlers, Map<EventType, String> ignored) {
        this.handlers = handlers;
        this.ignored = ignored;
    }

    public static <C> Builder<C> builder() {
        return new Builder<>();
    }

    /**
     * Hands the event to its handler; does nothing for a type ignored on purpose.
     *
     * @throws UnhandledEventException for a type the table does not name: a programming error the service's handler
     *         test should have caught, reported rather than dropped (the record goes to the dead-letter topic)
     */
    public void dispatch(ClearpostEvent event, C context) {
        EventType type = EventType.of(event);
        BiConsumer<ClearpostEvent, C> handler = handlers.get(type);
        if (handler != null) {
            handler.accept(event, context);
        } else if (!ignored.containsKey(type)) {
            throw new UnhandledEventException(type);
        }
    }

    public Set<EventType> handled() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    /** The types ignored on purpose, each with why. */
    public Map<EventType, String> ignored() {
        return Collections.unmodifiableMap(ignored);
    }

    /** The types carried on {@code topics} that this table neither handles nor ignores: empty when it is complete. */
    public Set<EventType> unaccountedFor(Collection<String> topics) {
        Set<EventType> missing = EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            if (topics.contains(type.topic()) && !handlers.containsKey(type) && !ignored.containsKey(type)) {
                missing.add(type);
            }
        }
        return missing;
    }

    /** Builds a table; naming a type twice (two handlers, or handled and ignored) is refused. */
    public static final class Builder<C> {

        private final Map<EventType, BiConsumer<ClearpostEvent, C>> handlers = new EnumMap<>(EventType.class);
        private final Map<EventType, String> ignored = new EnumMap<>(EventType.class);

        private Builder() {
        }

        /** Handles events of {@code type} with {@code handler}. */
        public <E extends ClearpostEvent> Builder<C> on(Class<E> type, Consumer<? super E> handler) {
            return onWith(type, (event, context) -> handler.accept(event));
        }

        /** Handles events of {@code type} with {@code handler}, which also gets the dispatch's context. */
        public <E extends ClearpostEvent> Builder<C> onWith(Class<E> type, BiConsumer<? super E, ? super C> handler) {
            EventType eventType = typeOf(type);
            claim(eventType);
            handlers.put(eventType, (event, context) -> handler.accept(type.cast(event), context));
            return this;
        }

        /** Ignores events of these types on purpose; {@code why} says why this consumer has no use for them. */
        @SafeVarargs
        public final Builder<C> ignore(String why, Class<? extends ClearpostEvent>... types) {
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("Say why the types are ignored");
            }
            for (Class<? extends ClearpostEvent> type : types) {
                EventType eventType = typeOf(type);
                claim(eventType);
                ignored.put(eventType, why);
            }
            return this;
        }

        public EventHandlers<C> build() {
            return new EventHandlers<>(new EnumMap<>(handlers), new EnumMap<>(ignored));
        }

        private void claim(EventType type) {
            if (handlers.containsKey(type) || ignored.containsKey(type)) {
                throw new IllegalStateException(type + " is named twice in the handler table");
            }
        }

        private static EventType typeOf(Class<? extends ClearpostEvent> type) {
            return java.util.Arrays.stream(EventType.values()).filter(t -> t.recordType() == type).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(type + " is not in EventType"));
        }
    }

    /** An event arrived whose type the consumer's table does not name. */
    public static final class UnhandledEventException extends IllegalStateException {

        public UnhandledEventException(EventType type) {
            super("No handler for " + type.ceType() + ": add it to the consumer's handler table, handled or ignored");
        }
    }

    /** The reason a type is ignored, if it is. */
    public Optional<String> whyIgnored(EventType type) {
        return Optional.ofNullable(ignored.get(type));
    }
}
