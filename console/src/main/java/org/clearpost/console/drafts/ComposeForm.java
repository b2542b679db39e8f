package org.clearpost.console.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a drafter typed on the compose screen, as the form sends it and as the screen shows it again: the base text,
 * thread parts, the accounts ticked with any text of their own, media, campaign, live event and the London date and
 * time. It turns into drafting's {@code PostRequest} body ({@link #request()}) and knows which input shows each field
 * drafting names in a problem ({@link #inputs()}). It checks nothing drafting checks: only that the date and time
 * the person typed are a date and a time at all, since drafting takes one London date-time.
 *
 * <p>Form fields: {@code text}; {@code threadPart} (repeated); {@code target} (repeated, {@code NETWORK/account});
 * {@code override.NETWORK/account}; {@code otherNetwork}, {@code otherAccount} (an account not listed yet);
 * {@code mediaId}, {@code mediaAlt} (repeated, in pairs); {@code campaign}; {@code liveEventId};
 * {@code scheduledDay}, {@code scheduledMonth}, {@code scheduledYear}, {@code scheduledTime}.
 */
public record ComposeForm(String text, List<String> threadParts, List<Choice> accounts, List<Media> media,
        String campaign, String liveEventId, String day, String month, String year, String time) {

    /** The networks a post can go to, as drafting names them. */
    public static final List<String> NETWORKS = List.of("X", "FACEBOOK", "LINKEDIN", "BLUESKY", "MASTODON",
            "THREADS", "YOUTUBE", "FLICKR", "SOUNDCLOUD");

    private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2})[:.](\\d{2})\\s*");

    public ComposeForm {
        threadParts = List.copyOf(threadParts);
        accounts = List.copyOf(accounts);
        media = List.copyOf(media);
    }

    /** One account the post may go to: ticked or not, with its own text if it has one. */
    public record Choice(String network, String account, boolean chosen, String override) {
        public String key() {
            return network + "/" + account;
        }

        public String networkName() {
            return ComposeForm.networkName(network);
        }
    }

    /** An uploaded file the post carries, with the alt text it was given. */
    public record Media(String id, String altText) {
    }

    /** An empty form with these accounts to choose from. */
    public static ComposeForm empty(List<Choice> known) {
        return new ComposeForm("", List.of(""), known, List.of(), null, null, null, null, null, null);
    }

    /** The form as it was posted ({@code values}: every text field by name, in the order sent). */
    public static ComposeForm parse(Map<String, List<String>> values) {
        List<String> chosen = all(values, "target");
        List<Choice> accounts = new ArrayList<>();
        for (String key : chosen) {
            int slash = key.indexOf('/');
            if (slash > 0 && accounts.stream().noneMatch(c -> c.key().equals(key))) {
                accounts.add(new Choice(key.substring(0, slash), key.substring(slash + 1), true,
                        blankToNull(one(values, "override." + key))));
            }
        }
        String otherNetwork = one(values, "otherNetwork");
        String otherAccount = blankToNull(one(values, "otherAccount"));
        if (otherNetwork != null && !otherNetwork.isBlank() && otherAccount != null) {
            String key = otherNetwork + "/" + otherAccount.strip();
            if (accounts.stream().noneMatch(c -> c.key().equals(key))) {
                accounts.add(new Choice(otherNetwork, otherAccount.strip(), true, null));
            }
        }
        List<String> ids = all(values, "mediaId");
        List<String> alts = all(values, "mediaAlt");
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isBlank()) {
                media.add(new Media(ids.get(i), i < alts.size() ? blankToNull(alts.get(i)) : null));
            }
        }
        List<String> parts = all(values, "threadPart");
        return new ComposeForm(Optional.ofNullable(one(values, "text")).orElse(""),
                parts.isEmpty() ? List.of("") : parts, accounts, media, blankToNull(one(values, "campaign")),
                blankToNull(one(values, "liveEventId")), blankToNull(one(values, "scheduledDay")),
                blankToNull(one(values, "scheduledMonth")), blankToNull(one(values, "scheduledYear")),
                blankToNull(one(values, "scheduledTime")));
    }

    /** A saved post (drafting's PostView) as the form shows it for editing. */
    public static ComposeForm of(JsonNode post) {
        List<Choice> accounts = new ArrayList<>();
        List<Media> media = new ArrayList<>();
        for (JsonNode t : post.path("targets")) {
            accounts.add(new Choice(t.path("network").asText(), t.path("account").asText(), true,
                    t.path("text").asText(null)));
            if (media.isEmpty()) {
                t.path("mediaIds").forEach(id -> media.add(new Media(id.asText(), null)));
            }
        }
        List<String> parts = new ArrayList<>();
        post.path("threadParts").forEach(p -> parts.add(p.asText()));
        String day = null;
        String month = null;
        String year = null;
        String time = null;
        if (post.hasNonNull("scheduledFor")) {
            LocalDateTime at = LocalDateTime.parse(post.get("scheduledFor").asText());
            day = String.valueOf(at.getDayOfMonth());
            month = String.valueOf(at.getMonthValue());
            year = String.valueOf(at.getYear());
            time = String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute());
        }
        return new ComposeForm(post.path("text").asText(""), parts.isEmpty() ? List.of("") : parts, accounts, media,
                post.path("campaign").asText(null), post.path("liveEventId").asText(null), day, month, year, time);
    }

    /** The same form offering every known account too (those not yet chosen unticked), chosen ones first. */
    public ComposeForm offering(List<Choice> known) {
        List<Choice> all = new ArrayList<>(accounts);
        for (Choice k : known) {
            if (all.stream().noneMatch(c -> c.key().equals(k.key()))) {
                all.add(new Choice(k.network(), k.account(), false, null));
            }
        }
        return new ComposeForm(text, threadParts, all, media, campaign, liveEventId, day, month, year, time);
    }

    /** The same form with one more (empty) thread part, for the "Add a thread part" button. */
    public ComposeForm withAnotherThreadPart() {
        List<String> parts = new ArrayList<>(threadParts);
        parts.add("");
        return new ComposeForm(text, parts, accounts, media, campaign, liveEventId, day, month, year, time);
    }

    /** The same form carrying one more uploaded file. */
    public ComposeForm withMedia(Media added) {
        List<Media> all = new ArrayList<>(media);
        all.add(added);
        return new ComposeForm(text, threadParts, accounts, all, campaign, liveEventId, day, month, year, time);
    }

    public List<Choice> chosen() {
        return accounts.stream().filter(Choice::chosen).toList();
    }

    /** Whether any part of the date or time was typed. */
    public boolean isScheduled() {
        return day != null || month != null || year != null || time != null;
    }

    /**
     * The London date and time typed, as drafting reads it ({@code 2027-03-28T09:30}); empty when none was typed.
     *
     * @throws IllegalArgumentException with words for the person when what was typed is not a date and a time
     */
    public Optional<String> scheduledFor() {
        if (!isScheduled()) {
            return Optional.empty();
        }
        if (day == null || month == null || year == null || time == null) {
            throw new IllegalArgumentException("Enter the day, month, year and time it should go out, or none of "
                    + "them to publish it once cleared");
        }
        Matcher m = TIME.matcher(time);
        try {
            if (!m.matches()) {
                throw new DateTimeException(time);
            }
            LocalDate date = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip()));
            LocalTime at = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return Optional.of(LocalDateTime.of(date, at).toString());
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException("The publication time must be a real date and a 24-hour time, for "
                    + "example 28 3 2027 and 09:30");
        }
    }

    /** Drafting's {@code PostRequest} body (blank thread parts and empty fields left out, as drafting asks). */
    public Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        List<String> parts = threadParts.stream().filter(p -> !p.isBlank()).toList();
        if (!parts.isEmpty()) {
            body.put("threadParts", parts);
        }
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Choice c : chosen()) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("network", c.network());
            target.put("account", c.account());
            if (c.override() != null) {
                target.put("text", c.override());
            }
            if (!media.isEmpty()) {
                target.put("mediaIds", media.stream().map(Media::id).toList());
            }
            targets.add(target);
        }
        body.put("targets", targets);
        if (campaign != null) {
            body.put("campaign", campaign);
        }
        if (liveEventId != null) {
            body.put("liveEventId", liveEventId);
        }
        scheduledFor().ifPresent(at -> body.put("scheduledFor", at));
        return body;
    }

    /**
     * Which input shows each field drafting may name ({@code targets[1].text} → the second chosen account's own
     * text box), for {@code Errors.of}. The base text comes first: messages about fields the form does not show
     * link there.
     */
    public Map<String, String> inputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("text", "text");
        inputs.put("targets", accounts.isEmpty() ? "otherAccount" : "account-0");
        int shownPart = 0;
        int sentPart = 0;
        for (String part : threadParts) {
            if (!part.isBlank()) {
                inputs.put("threadParts[" + sentPart++ + "]", "thread-part-" + shownPart);
            }
            shownPart++;
        }
        int sent = 0;
        for (int shown = 0; shown < accounts.size(); shown++) {
            if (accounts.get(shown).chosen()) {
                String at = "targets[" + sent++ + "]";
                inputs.put(at, "account-" + shown);
                inputs.put(at + ".network", "account-" + shown);
                inputs.put(at + ".account", "account-" + shown);
                // The rendered text is the account's own text if it has one, else the post text.
                inputs.put(at + ".text", accounts.get(shown).override() != null ? "override-" + shown : "text");
                inputs.put(at + ".mediaIds", "mediaFile");
                for (int n = 0; n < media.size(); n++) {
                    inputs.put(at + ".mediaIds[" + n + "]", "mediaFile");
                    inputs.put(at + ".media[" + n + "]", "mediaFile");
                }
                inputs.put(at + ".media", "mediaFile");
            }
        }
        inputs.put("campaign", "campaign");
        inputs.put("liveEventId", "liveEventId");
        inputs.put("scheduledFor", "scheduledDay");
        return inputs;
    }

    /** How a thread part is numbered for people: the post itself is part 1. */
    public int partNumber(int shown) {
        return shown + 2;
    }

    public static String networkName(String network) {
        return switch (network) {
            case "X" -> "X";
            case "FACEBOOK" -> "Facebook";
            case "LINKEDIN" -> "LinkedIn";
            case "YOUTUBE" -> "YouTube";
            case "FLICKR" -> "Flickr";
            case "SOUNDCLOUD" -> "SoundCloud";
            case "BLUESKY" -> "Bluesky";
            case "MASTODON" -> "Mastodon";
            case "THREADS" -> "Threads";
            default -> network;
        };
    }

    private static List<String> all(Map<String, List<String>> values, String name) {
        return values.getOrDefault(name, List.of());
    }

    private static String one(Map<String, List<String>> values, String name) {
        List<String> found = all(values, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
