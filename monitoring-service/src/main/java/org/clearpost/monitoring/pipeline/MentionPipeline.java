package org.clearpost.monitoring.pipeline;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearpost.events.Network;
import org.clearpost.monitoring.intake.MentionNormaliser;
import org.clearpost.monitoring.intake.NetworkIntake;
import org.clearpost.monitoring.query.QueryMatcher;
import org.clearpost.monitoring.triage.Triage;
import org.clearpost.support.reliability.StaticGroupMembership;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts this replica's members of the pipeline's consumer group over the raw-mentions topic (one thread each,
 * {@link PipelineConfig#consumers()}), after building the table of normalisers by network; stops them on shutdown.
 * Start-up fails when an enabled intake's network, or two normalisers' network, would leave items without exactly one
 * normaliser.
 */
@ApplicationScoped
public class MentionPipeline {

    private static final Logger LOG = Logger.getLogger(MentionPipeline.class);
    private static final long STOP_TIMEOUT_MS = 15_000;

    private final Map<String, Object> kafkaConfig;
    private final PipelineConfig config;
    private final Instance<MentionNormaliser> normaliserBeans;
    private final Instance<NetworkIntake> intakes;
    private final QueryMatcher matcher;
    private final Triage triage;
    private final MentionStore store;
    private final Clock clock;
    private final String groupId;
    private final String principal;
    private final String source;
    private final String deadLetterTopic;
    private final List<Running> running = new CopyOnWriteArrayList<>();
    private Map<Network, MentionNormaliser> normalisers;
    /** Run by this replica's own members before each commit; a fault test may set one that throws (see below). */
    private volatile PipelineWorker.BeforeCommit beforeCommit = announced -> {
    };

    public MentionPipeline(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, PipelineConfig config,
            Instance<MentionNormaliser> normaliserBeans, Instance<NetworkIntake> intakes, QueryMatcher matcher,
            Triage triage, MentionStore store, Clock clock,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id") String groupId,
            @ConfigProperty(name = "clearpost.kafka.username") String principal,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic")
            String deadLetterTopic) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.normaliserBeans = normaliserBeans;
        this.intakes = intakes;
        this.matcher = matcher;
        this.triage = triage;
        this.store = store;
        this.clock = clock;
        this.groupId = groupId;
        this.principal = principal;
        this.source = "/clearpost/" + application;
        this.deadLetterTopic = deadLetterTopic;
    }

    void start(@Observes StartupEvent startup) {
        normalisers = normaliserTable(normaliserBeans, intakes);
        for (int i = 0; i < config.consumers(); i++) {
            startMember("pipeline-" + i, announced -> beforeCommit.check(announced));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        new ArrayList<>(running).forEach(this::stop);
    }

    /**
     * The one normaliser of each network. Fails when two claim one network, or when an enabled intake reads a
     * network none claims (its items would all be dead-lettered).
     */
    static Map<Network, MentionNormaliser> normaliserTable(Iterable<MentionNormaliser> normalisers,
            Iterable<NetworkIntake> intakes) {
        Map<Network, MentionNormaliser> table = new EnumMap<>(Network.class);
        for (MentionNormaliser normaliser : normalisers) {
            MentionNormaliser other = table.putIfAbsent(normaliser.network(), normaliser);
            if (other != null) {
                throw new IllegalStateException("Two mention normalisers for " + normaliser.network() + ": "
                        + other.getClass().getName() + " and " + normaliser.getClass().getName());
            }
        }
        for (NetworkIntake intake : intakes) {
            if (intake.enabled() && !table.containsKey(intake.network())) {
                throw new IllegalStateException("Intake " + intake.name() + " reads " + intake.network()
                        + " but no MentionNormaliser handles " + intake.network()
                        + "; its items could never be stored. Add one, or disable the intake.");
            }
        }
        LOG.infof("Mention pipeline normalises %s", table.keySet());
        return table;
    }

    /**
     * For fault tests: {@code hook} runs in every member started at start-up after a batch's announcements are handed
     * to the producer and before the Kafka transaction commits; throwing aborts that transaction, as a crash between
     * the database commit and the Kafka commit would. Never set in production.
     */
    public void beforeCommit(PipelineWorker.BeforeCommit hook) {
        this.beforeCommit = hook == null ? announced -> {
        } : hook;
    }

    /**
     * Starts one more member of the group in this process, e.g. {@code pipeline-1}. Its static member id is
     * {@code <instance-id>-<name>}, its transactional id {@code <principal>-pipeline-<member id>}: both must be unique
     * per live member. Visible for tests, which also pass a hook run before each commit (it may throw to abort).
     */
    public AutoCloseable startMember(String name, PipelineWorker.BeforeCommit beforeCommit) {
        PipelineWorker worker = new PipelineWorker(StaticGroupMembership.memberId(name), groupId, principal,
                kafkaConfig, config, normalisers, matcher, triage, new OwnAccounts(config.ownAccounts()), store,
                source, deadLetterTopic, clock, beforeCommit);
        Thread thread = new Thread(worker, "mention-" + name);
        thread.setDaemon(true);
        Running member = new Running(worker, thread);
        running.add(member);
        thread.start();
        LOG.infof("Pipeline member %s started", worker.member());
        return () -> stop(member);
    }

    private void stop(Running member) {
        running.remove(member);
        member.worker.stop();
        try {
            member.thread.join(STOP_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Running(PipelineWorker worker, Thread thread) {
    }
}
