package org.clearpost.monitoring.intake;

import org.clearpost.events.Network;

/**
 * A reading intake: one connection (or poll loop) to one network that turns what it reads into {@link RawItem}s.
 * The {@code IntakeSupervisor} runs each enabled intake on its own thread on exactly one monitoring replica at a time,
 * and runs it again (after a back-off) when {@link #run} throws.
 *
 * <p>{@link #run} must, in order: read its cursor ({@link IntakeSink#cursor}); open the live connection where the
 * network has one; catch up from the cursor; then go on reading live until interrupted. Every batch goes through
 * {@link IntakeSink#write} with the cursor that follows it, so the cursor only ever moves past items that are durable.
 */
public interface NetworkIntake {

    /** Stable name, also the key of its cursor and its lease: e.g. {@code x-filtered-stream}, {@code mastodon}. */
    String name();

    /**
     * The network whose items it reads; the pipeline refuses to start when an enabled intake's network has no
     * {@link MentionNormaliser}. By default the network named by the first part of {@link #name()}
     * ({@code x-filtered-stream} is {@code X}, {@code mastodon} is {@code MASTODON}).
     */
    default Network network() {
        String prefix = name().split("-", 2)[0].toUpperCase(java.util.Locale.ROOT);
        try {
            return Network.valueOf(prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("intake " + name() + " must override network(): its name does not start"
                    + " with a network's name", e);
        }
    }

    /** Whether it is configured to run here (credentials and a base URL present). */
    boolean enabled();

    /**
     * Reads until the thread is interrupted (return or throw {@link InterruptedException} then). Any other exception
     * ends this run; the supervisor logs it and starts a new run after a back-off.
     */
    void run(IntakeSink sink) throws Exception;
}
