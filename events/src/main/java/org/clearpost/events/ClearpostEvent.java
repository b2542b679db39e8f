package org.clearpost.events;

/** Every event on a Clearpost topic. The aggregate id is the Kafka record key. */
public sealed interface ClearpostEvent
        permits PostDrafted, PostVersionWithdrawn, CampaignDefined, PostCleared, PostRejected, ChangesRequested,
        ClearanceOverdue, ClearanceRerouted, PostPublished, PublicationFailed, MentionReceived, PublishingSuspended,
        PublishingResumed, PreElectionPeriodDeclared, PreElectionPeriodCancelled, DecisionSignatureRejected,
        TrackedQueryDefined, TrackedQueryRetired, MentionTriaged, MentionActioned, MentionReplyRequested,
        MentionAnswered, MentionOverdue, MentionSpikeDetected, MentionSpikeAcknowledged, TriageRuleDefined,
        TriageRuleDeleted, AuthorListChanged, SavedReplyDefined, SavedReplyDeleted, PostMetricsSampled, ClearanceCaseOpened, PreElectionRefused,
        PreElectionExemptionGranted, AccountNeedsReconnect, AccountConnected {

    String aggregateId();
}
