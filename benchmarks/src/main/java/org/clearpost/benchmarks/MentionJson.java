package org.clearpost.benchmarks;

import java.time.Instant;

/** Mention-shaped JSON of a given size: what a network delivers for one mention, and what the broker carries. */
final class MentionJson {

    private static final String[] WORDS = ("thank you for the update on subject access requests when will new guidance "
            + "apply to our council office please reply about bins parking library hours consultation planning "
            + "application school transport complaint form website broken link great work team residents meeting "
            + "tonight road closure flooding grant funding").split(" ");

    private MentionJson() {
    }

    /** A MentionReceived-like object of about {@code bytes} bytes. */
    static String mention(String id, String externalId, int bytes) {
        String head = "{\"mentionId\":\"" + id + "\",\"network\":\"FACEBOOK\",\"externalId\":\"" + externalId
                + "\",\"account\":\"100200300400\",\"authorId\":\"555012345\",\"authorName\":\"A Citizen\","
                + "\"url\":\"https://www.facebook.com/" + externalId + "\",\"mentionedAt\":\"" + Instant.now()
                + "\",\"receivedAt\":\"" + Instant.now() + "\",\"text\":\"";
        return head + text(bytes - head.length() - 2) + "\"}";
    }

    /**
     * Words drawn at random, {@code length} characters (at least a few): compresses about as well as real text does,
     * unlike a repeated phrase, which lz4 would shrink to nothing.
     */
    static String text(int length) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        int target = Math.max(16, length);
        StringBuilder text = new StringBuilder(target + 16);
        while (text.length() < target) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        text.setLength(target);
        return text.toString().strip();
    }
}
