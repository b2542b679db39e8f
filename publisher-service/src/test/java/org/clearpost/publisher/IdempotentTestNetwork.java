package org.clearpost.publisher;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearpost.events.Network;
import org.clearpost.publisher.network.NetworkConnector;
import org.clearpost.publisher.network.PublishRequest;
import org.clearpost.publisher.network.PublishResult;
import org.clearpost.publisher.network.PublishStep;

/**
 * A Mastodon-like network and its connector in one, for the ledger's half of reconciliation: it keeps what a
 * publish call with an idempotency key made and answers a repeat of that key with the same status, never a second
 * one (as Mastodon does with {@code Idempotency-Key}). {@link #loseAnswers} makes it accept a post and then lose the
 * answer, which the connector reports as {@link PublishResult.Unknown}, as NetworkHttp does for a lost answer.
 * A bean of every @QuarkusTest (a plain bean, not an enabled alternative: that would hide every other connector from
 * {@code Connectors}' {@code @All} list), while the %test profile (application.properties) excludes the real Mastodon
 * connector: only ReconciliationTest publishes to Mastodon.
 */
@ApplicationScoped
public class IdempotentTestNetwork implements NetworkConnector {

    /** One post the network holds. */
    public record Held(String id, String account, String text, String idempotencyKey) {
    }

    private final Map<String, Held> byKey = new ConcurrentHashMap<>();
    private final List<Held> held = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger(100);

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.IDEMPOTENT_RETRY;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        calls.add(request.account());
        String text = ((PublishStep.Post) request.step()).text();
        Held post = byKey.computeIfAbsent(request.stepKey(), key -> {
            Held made = new Held(Integer.toString(ids.incrementAndGet()), request.account(), text, key);
            held.add(made);
            return made;
        });
        if (answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new PublishResult.Unknown("outcome unknown: the connection closed before the answer", null);
        }
        return new PublishResult.Published(post.id(),
                URI.create("https://social.example/@" + post.account() + "/" + post.id()), null);
    }

    /** The next {@code count} publish calls make their post and lose the answer. */
    public void loseAnswers(int count) {
        answersToLose.set(count);
    }

    /** Makes a post as a call that never got to answer would have (the instance stopped). */
    public Held accept(String account, String text, String idempotencyKey) {
        return byKey.computeIfAbsent(idempotencyKey, key -> {
            Held made = new Held(Integer.toString(ids.incrementAndGet()), account, text, key);
            held.add(made);
            return made;
        });
    }

    public List<Held> held(String account) {
        return held.stream().filter(h -> h.account().equals(account)).toList();
    }

    /** Publish (and reconcile) calls made for an account. */
    public long calls(String account) {
        return calls.stream().filter(account::equals).count();
    }
}
