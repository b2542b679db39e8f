package org.clearpost.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Topics;
import org.clearpost.local.Component;

/**
 * Drafting and clearance traffic from a few desks at once (create, submit, wait for the case, approve), each write
 * retried as a person would while the platform misbehaves, and a record of every write confirmed with a 2xx: those
 * are what must survive whatever is done to the platform meanwhile.
 */
final class Burst {

    private static final Duration CASE_PATIENCE = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final Desk desk;
    private final String markerPrefix;
    private final List<Map<String, String>> targets;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile Instant deadline;

    /** post id → marker, for every create answered 201. */
    final Map<UUID, String> created = new ConcurrentHashMap<>();
    final Set<UUID> submitted = ConcurrentHashMap.newKeySet();
    /** case id → post id, for every approval answered 200. */
    final Map<String, UUID> approved = new ConcurrentHashMap<>();
    /** Each refused or unanswered call, by step: the platform was down, so these are expected, and retried. */
    final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    /** When each 2xx came, for "how long until writes succeed again". */
    final ConcurrentLinkedQueue<Long> confirmedAtNanos = new ConcurrentLinkedQueue<>();

    Burst(Desk desk, String markerPrefix, List<Map<String, String>> targets) {
        this.desk = desk;
        this.markerPrefix = markerPrefix;
        this.targets = targets;
    }

    /** Starts {@code desks} workers that keep going for {@code length} or until {@code maxPosts} are drafted. */
    void start(int desks, Duration length, int maxPosts) {
        deadline = Instant.now().plus(length);
        for (int i = 0; i < desks; i++) {
            Thread worker = new Thread(() -> work(maxPosts), "burst-" + markerPrefix + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Waits for the workers; they stop by themselves at the deadline (plus one call's time-out). */
    void await() {
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofMinutes(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The first write confirmed at or after {@code sinceNanos}, in nanoTime, if any. */
    Optional<Long> firstConfirmedAfter(long sinceNanos) {
        return confirmedAtNanos.stream().filter(t -> t >= sinceNanos).min(Long::compare);
    }

    private void work(int maxPosts) {
        while (Instant.now().isBefore(deadline)) {
            int n = sequence.incrementAndGet();
            if (n > maxPosts) {
                return;
            }
            String marker = markerPrefix + "%03d".formatted(n);
            String text = "Our helpline opening hours change next week; the new times are on our website. Ref "
                    + marker;
            Api.Reply reply = desk.create(text, targets);
            if (!reply.is(201)) {
                refused("create", reply);
                Desk.pause(RETRY_PAUSE);
                continue;
            }
            UUID postId = UUID.fromString(reply.text("id"));
            created.put(postId, marker);
            confirmed();
            if (!retried("submit", () -> desk.submit(postId), 200)) {
                continue;
            }
            submitted.add(postId);
            Optional<String> caseId = Optional.empty();
            Instant caseDeadline = Instant.now().plus(CASE_PATIENCE);
            while (caseId.isEmpty() && Instant.now().isBefore(caseDeadline) && Instant.now().isBefore(deadline)) {
                caseId = desk.pendingCase(postId);
                if (caseId.isEmpty()) {
                    Desk.pause(Duration.ofMillis(300));
                }
            }
            if (caseId.isEmpty()) {
                continue; // not yet in clearance: the checks afterwards decide whether it ever gets there
            }
            String id = caseId.get();
            if (retried("approve", () -> desk.approve(id), 200)) {
                approved.put(id, postId);
            }
        }
    }

    /** Retries a call until {@code expected}, a refusal that retrying cannot change (4xx), or the deadline. */
    private boolean retried(String step, java.util.function.Supplier<Api.Reply> call, int expected) {
        while (Instant.now().isBefore(deadline)) {
            Api.Reply reply = call.get();
            if (reply.is(expected)) {
                confirmed();
                return true;
            }
            refused(step, reply);
            if (reply.status() >= 400 && reply.status() < 500) {
                return false;
            }
            Desk.pause(RETRY_PAUSE);
        }
        return false;
    }

    private void confirmed() {
        confirmedAtNanos.add(System.nanoTime());
    }

    private void refused(String step, Api.Reply reply) {
        refused.computeIfAbsent(step + " " + (reply.status() < 0 ? "no answer" : String.valueOf(reply.status())),
                k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Every write confirmed with a 2xx is still there: created posts exist, submitted ones left DRAFT and reached
     * clearance, approved cases are CLEARED, and their targets went out exactly once. No event was announced twice
     * under two ids.
     */
    void check(Scenario scenario, FaultPlatform platform, Duration patience) {
        scenario.figure("writes confirmed (create 201 / submit 200 / approve 200)",
                created.size() + " / " + submitted.size() + " / " + approved.size());
        scenario.figure("calls refused or unanswered meanwhile (retried)", refused.isEmpty() ? "none"
                : new java.util.TreeMap<>(refused));
        String createdIds = ids(created.keySet());
        Map<String, String> postStatus = platform.query(Component.DRAFTING,
                "SELECT id::text AS id, status FROM post WHERE id::text = ANY(string_to_array(?, ','))", createdIds)
                .stream().collect(Collectors.toMap(r -> (String) r.get("id"), r -> (String) r.get("status")));
        created.forEach((postId, marker) -> {
            String status = postStatus.get(postId.toString());
            if (status == null) {
                scenario.violation("confirmed create lost", marker);
            } else if (submitted.contains(postId) && status.equals("DRAFT")) {
                scenario.violation("confirmed submit lost (post back in DRAFT)", marker);
            }
        });

        Map<String, String> caseStatus = Map.of();
        Set<String> postsWithCase = Set.of();
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            List<Map<String, Object>> cases = platform.query(Component.CLEARANCE, """
                    SELECT id::text AS id, post_id::text AS post_id, status FROM clearance_case
                    WHERE post_id::text = ANY(string_to_array(?, ','))""", ids(submitted));
            caseStatus = cases.stream().collect(Collectors.toMap(r -> (String) r.get("id"), r -> (String) r.get("status")));
            postsWithCase = cases.stream().map(r -> (String) r.get("post_id")).collect(Collectors.toSet());
            if (postsWithCase.size() >= submitted.size() || Instant.now().isAfter(deadline)) {
                break;
            }
            Desk.pause(Duration.ofSeconds(2));
        }
        for (UUID postId : submitted) {
            if (!postsWithCase.contains(postId.toString())) {
                scenario.violation("submitted post never reached clearance (PostDrafted lost or dead-lettered)",
                        created.get(postId));
            }
        }
        Map<String, String> finalCaseStatus = caseStatus;
        approved.forEach((caseId, postId) -> {
            if (!"CLEARED".equals(finalCaseStatus.get(caseId))) {
                scenario.violation("confirmed approval lost", created.get(postId) + " case " + finalCaseStatus.get(caseId));
            }
        });
        scenario.figure("submitted posts with their clearance case", postsWithCase.size() + " of " + submitted.size());

        checkDistinctEvents(scenario, platform, Topics.DRAFTING_POSTS, EventType.POST_DRAFTED, submitted);
        checkDistinctEvents(scenario, platform, Topics.CLEARANCE_DECISIONS, EventType.POST_CLEARED,
                Set.copyOf(approved.values()));
        desk.checkPublished(scenario, approved.values().stream().map(postId -> new Desk.Cleared(postId,
                created.get(postId), targets.stream().map(t -> t.get("network")).collect(Collectors.toSet())))
                .toList(), patience);
    }

    /** One submission, one approval: two event ids of one type for one post would be a duplicated state change. */
    private static void checkDistinctEvents(Scenario scenario, FaultPlatform platform, String topic, EventType type,
            Set<UUID> posts) {
        Set<String> keys = posts.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = platform.events.readAll(topic).stream()
                .filter(r -> keys.contains(r.key()) && type.ceType().equals(EventLog.header(r, CloudEventHeaders.TYPE)))
                .toList();
        Map<String, Set<String>> idsByPost = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> EventLog.header(r, CloudEventHeaders.ID), Collectors.toSet())));
        idsByPost.forEach((post, ids) -> {
            if (ids.size() > 1) {
                scenario.violation(type.name() + " announced twice for one write (duplicate)", post + " x" + ids.size());
            }
        });
        scenario.figure(type.name() + " events", idsByPost.size() + " posts, " + records.size() + " records");
    }

    private static String ids(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
