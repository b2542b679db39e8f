package org.clearpost.events;

/** Every event on a Clearpost topic. The aggregate id is the Kafka record key. */
public sealed interface ClearpostEvent
        permits PostDrafted, PostCleared, PostRejected, PostPublished, PublicationFailed, MentionReceived,
        PublishingSuspended, PublishingResumed {

    String aggregateId();
}
