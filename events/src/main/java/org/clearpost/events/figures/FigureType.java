package org.clearpost.events.figures;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of analytics' figures: the record, its name over REST, its CloudEvents type and its compacted topic.
 * analytics-service is the one writer of these topics; analysts read them.
 */
public enum FigureType {
    POST_ACTIVITY(PostActivity.class, "post-activity"),
    CLEARANCE_TURNAROUND(ClearanceTurnaround.class, "clearance-turnaround"),
    MENTIONS_HOURLY(MentionsHourly.class, "mentions-hourly"),
    RESPONSE_TIMES(ResponseTimes.class, "response-times"),
    PRE_ELECTION_REPORTS(PreElectionReport.class, "pre-election-reports"),
    POST_ENGAGEMENT(PostEngagement.class, "post-engagement"),
    ENGAGEMENT_TOTALS(EngagementTotals.class, "engagement-totals"),
    CAMPAIGN_REPORTS(CampaignReport.class, "campaign-reports");

    /** Every figure topic starts with this. */
    public static final String TOPIC_PREFIX = "clearpost.analytics.";

    private final Class<? extends Figure> recordType;
    private final String figureName;

    FigureType(Class<? extends Figure> recordType, String figureName) {
        this.recordType = recordType;
        this.figureName = figureName;
    }

    public Class<? extends Figure> recordType() {
        return recordType;
    }

    /** The name in REST paths ({@code /figures/post-activity}) and in the state store's name. */
    public String figureName() {
        return figureName;
    }

    public String topic() {
        return TOPIC_PREFIX + figureName;
    }

    public String ceType() {
        return "clearpost.figure." + figureName + ".v1";
    }

    /** Classpath location of this figure's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + ceType() + ".schema.json";
    }

    public static Optional<FigureType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.figureName.equals(name)).findFirst();
    }

    public static FigureType of(Figure figure) {
        return Arrays.stream(values()).filter(type -> type.recordType == figure.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No figure type for " + figure.getClass()));
    }
}
