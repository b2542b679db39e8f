package org.clearpost.monitoring.x;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.MentionNormaliser;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;

/**
 * An X post (a stream line, or a search or timeline result wrapped as one) as a mention. Its other ids are the rest
 * of {@code edit_history_tweet_ids}, so every version of an edited post is one mention. The body's account is the
 * first own account among its {@code entities.mentions} (by id or handle), else the account whose timeline it came
 * from.
 */
@ApplicationScoped
public class XNormaliser implements MentionNormaliser {

    // X ids are numeric strings of up to 19 digits; anything else is not a post id.
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9]{1,19}");
    private static final long EPOCH_MILLIS = 1288834974657L;

    private final ObjectMapper mapper;
    private final Set<String> ownIds;
    private final Map<String, String> ownHandles;

    XNormaliser(XConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.ownIds = Set.copyOf(config.ownAccountIds().orElse(List.of()));
        this.ownHandles = config.ownHandles().orElse(List.of()).stream().map(h -> h.replaceFirst("^@", ""))
                .collect(Collectors.toUnmodifiableMap(h -> h.toLowerCase(Locale.ROOT), Function.identity(),
                        (a, b) -> a));
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public List<NormalisedMention> normalise(RawItem item) throws UnparseableItemException {
        JsonNode root;
        try {
            root = mapper.readTree(item.payload());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnparseableItemException("X post is not JSON: " + e.getMessage(), e);
        }
        JsonNode data = root == null ? null : root.path("data");
        if (data == null || !data.isObject()) {
            throw new UnparseableItemException("X post has no data object");
        }
        String id = data.path("id").asText(null);
        if (id == null || !ID.matcher(id).matches()) {
            throw new UnparseableItemException("X post has no valid data.id: " + data.path("id"));
        }
        if (!data.path("text").isTextual()) {
            throw new UnparseableItemException("X post " + id + " has no data.text");
        }
        List<String> aliases = new ArrayList<>();
        for (JsonNode version : data.path("edit_history_tweet_ids")) {
            String alias = version.asText();
            if (!alias.equals(id) && ID.matcher(alias).matches()) {
                aliases.add(alias);
            }
        }
        String authorId = data.path("author_id").asText(null);
        JsonNode author = null;
        for (JsonNode user : root.path("includes").path("users")) {
            if (authorId != null && authorId.equals(user.path("id").asText())) {
                author = user;
            }
        }
        String handle = author == null ? null : author.path("username").asText(null);
        String name = author == null ? null : author.path("name").asText(null);
        List<String> mentioned = new ArrayList<>();
        String account = null;
        for (JsonNode mention : data.path("entities").path("mentions")) {
            String username = mention.path("username").asText(null);
            if (username != null) {
                mentioned.add(username);
            }
            if (account == null) {
                account = ownAccount(username, mention.path("id").asText(null));
            }
        }
        if (account == null && item.account() != null) {
            account = item.account();
        }
        List<String> hashtags = new ArrayList<>();
        data.path("entities").path("hashtags").forEach(h -> {
            if (h.path("tag").isTextual()) {
                hashtags.add(h.path("tag").asText());
            }
        });
        String url = handle != null ? "https://x.com/" + handle + "/status/" + id : "https://x.com/i/web/status/" + id;
        return List.of(new NormalisedMention(Network.X, id, aliases, account, authorId, handle, name,
                data.path("text").asText(), url, data.path("lang").asText(null), hashtags, mentioned,
                createdAt(data.path("created_at").asText(null), id), item.deliveredAt()));
    }

    /** The own account a mention names, as configured (handle), or null if it is not one of ours. */
    private String ownAccount(String username, String userId) {
        if (username != null) {
            String own = ownHandles.get(username.toLowerCase(Locale.ROOT));
            if (own != null) {
                return own;
            }
        }
        if (userId != null && ownIds.contains(userId)) {
            return username != null ? username : userId;
        }
        return null;
    }

    // created_at when X sent it, else the time in the snowflake id, which X's ids carry to the millisecond.
    private static Instant createdAt(String createdAt, String id) {
        if (createdAt != null) {
            try {
                return Instant.parse(createdAt);
            } catch (DateTimeParseException e) {
                // fall through to the id's time
            }
        }
        return Instant.ofEpochMilli((Long.parseLong(id) >> 22) + EPOCH_MILLIS);
    }
}
