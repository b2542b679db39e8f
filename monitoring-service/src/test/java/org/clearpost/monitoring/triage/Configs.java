package org.clearpost.monitoring.triage;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.clearpost.events.MentionPriority;
import org.clearpost.monitoring.sla.DueTimes;
import org.clearpost.monitoring.sla.SlaConfigs;
import org.clearpost.monitoring.sla.SlaConfig;

/** The defaults of TriageConfig and SlaConfig as application.properties sets them, for plain JUnit tests. */
final class Configs {

    private Configs() {
    }

    static TriageConfig triage() {
        return new TriageConfig() {
            @Override
            public Map<String, Double> lexiconOverrides() {
                return Map.of("breach", 0.0, "fine", 0.0, "complaint", 0.0, "penalty", 0.0, "enforcement", 0.0);
            }

            @Override
            public int repeatedThemeSize() {
                return 5;
            }

            @Override
            public List<String> influentialLists() {
                return List.of("journalist", "critic", "stakeholder");
            }

            @Override
            public List<String> profanity() {
                return List.of("fuck", "shit", "cunt", "twat", "wanker", "bastard", "bollocks", "dickhead",
                        "motherfucker", "arsehole", "asshole", "prick");
            }

            @Override
            public Spam spam() {
                return new Spam() {
                    @Override
                    public int maxLinks() {
                        return 3;
                    }

                    @Override
                    public int repeatedChars() {
                        return 8;
                    }

                    @Override
                    public List<String> phrases() {
                        return List.of("follow back", "follow for follow", "f4f", "follow me", "check my profile",
                                "dm me for", "click the link in my bio");
                    }

                    @Override
                    public List<String> crypto() {
                        return List.of("crypto", "bitcoin", "btc", "airdrop", "nft", "forex", "usdt",
                                "binary options", "investment opportunity", "giveaway");
                    }
                };
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(3);
            }

            @Override
            public boolean handleIsFoiAddress() {
                return true;
            }
        };
    }

    static DueTimes dueTimes() {
        return SlaConfigs.dueTimes("england-and-wales", SlaConfigs.configuredTimes());
    }
}
