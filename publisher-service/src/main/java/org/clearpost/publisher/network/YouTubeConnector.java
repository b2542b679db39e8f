package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * YouTube Data API v3 {@code videos.insert} as a resumable upload, with the account's Google OAuth token:
 * {@code POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status} with the video resource
 * ({@code snippet.title}: the title drafting cleared for the target, else the text's first line cut to 100
 * characters; {@code snippet.description}: the text;
 * {@code snippet.categoryId} and {@code status.privacyStatus} from {@code clearpost.networks.youtube.*}, public by
 * default) opens an upload session; its URI is remembered in the step's {@link StepMemory} <em>before</em> any byte
 * is sent; then {@code PUT <session>} with the bytes in chunks of {@code chunk-bytes} and {@code Content-Range}, each
 * answered 308 Resume Incomplete with the {@code Range} the server holds, until 200/201 with the video resource.
 *
 * <p>Reconciliation: {@link NetworkConnector.Reconciliation#IDEMPOTENT_RETRY}. The upload session is YouTube's own
 * idempotency: a try that finds a session in the step memory first asks it ({@code PUT} with an empty body and
 * {@code Content-Range: bytes *}{@code /total}); 200/201 means the video exists (the lost answer of the completing
 * PUT) and is answered Published with that video, never uploaded again; 308 gives the byte to resume from, which is
 * what the server reports and not what this side believes it sent. So repeating the call cannot make a second
 * video. A broken or timed-out PUT answers Unknown and leaves the resume to that next try, so the ledger has
 * recorded the outcome first. Only a session YouTube no longer knows (404/410: expired) starts a new upload.
 *
 * <p>A post needs exactly one video; YouTube has no text or image posts. Replies and thread parts are refused
 * (Failed, with the reason): a comment on a video ({@code commentThreads.insert}) is not something a publication's
 * thread maps to, and the body answers YouTube comments through monitoring's replies, not as publications.
 */
@ApplicationScoped
public class YouTubeConnector implements NetworkConnector {

    /** The step memory's name for the upload session URI. */
    static final String SESSION = "youtube.upload-session";
    private static final int MAX_TITLE = 100;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");
    // YouTube's quota day ends at midnight Pacific time.
    private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private final NetworkHttp http;
    private final MediaFetcher media;
    private final URI base;
    private final String privacyStatus;
    private final String categoryId;
    private final int chunkBytes;

    public YouTubeConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.http = http;
        this.media = media;
        this.base = config.youtube().baseUrl();
        this.privacyStatus = config.youtube().privacyStatus();
        this.categoryId = config.youtube().categoryId();
        this.chunkBytes = config.youtube().chunkBytes();
    }

    @Override
    public Network network() {
        return Network.YOUTUBE;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.IDEMPOTENT_RETRY;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        if (!(request.step() instanceof PublishStep.Post post)) {
            return new PublishResult.Failed("YouTube takes videos only: a reply, thread part or share is not "
                    + "published to YouTube (a comment on a video is answered through monitoring's replies)", null);
        }
        List<MediaItem> videos = post.media().stream().filter(m -> m.kind() == MediaKind.VIDEO).toList();
        if (videos.size() != 1 || post.media().size() != 1) {
            return new PublishResult.Failed("a YouTube post needs exactly one video and nothing else (it has "
                    + videos.size() + " video(s) among " + post.media().size() + " media item(s))", null);
        }
        MediaItem video = videos.get(0);
        String title = post.title() != null && !post.title().isBlank() ? post.title().strip()
                : title(post.text(), video);
        if (title.isEmpty()) {
            return new PublishResult.Failed("YouTube needs a title: the post's text and the video's caption are "
                    + "empty", null);
        }
        try {
            byte[] bytes = media.fetch(video);
            Optional<URI> kept = request.memory().recall(SESSION).filter(s -> !s.isEmpty()).map(URI::create);
            if (kept.isPresent()) {
                Progress progress = askOrUnknown(request, kept.get(), bytes.length);
                if (progress.result() != null) {
                    return progress.result();
                }
                if (progress.next() >= 0) {
                    return upload(request, kept.get(), bytes, progress.next());
                }
            }
            URI session = open(request, title, post.text(), video, bytes.length);
            request.memory().remember(SESSION, session.toString());
            return upload(request, session, bytes, 0);
        } catch (CallFailed e) {
            return e.result();
        }
    }

    /** Where a session stands: finished ({@code result}), the byte to send next, or -1 when it is gone. */
    private record Progress(PublishResult result, long next) {
    }

    /** Opens a session; nothing is public until its last byte is in, so a lost answer is simply tried again. */
    private URI open(PublishRequest request, String title, String description, MediaItem video, long size)
            throws CallFailed {
        Map<String, Object> resource = Map.of(
                "snippet", Map.of("title", title, "description", description == null ? "" : description,
                        "categoryId", categoryId),
                "status", Map.of("privacyStatus", privacyStatus));
        HttpResponse<String> opened = http.exchangeBeforePosting("YouTube", authorized(request,
                NetworkHttp.endpoint(base, "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", Long.toString(size))
                .header("X-Upload-Content-Type", video.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(http.json(resource))));
        if (opened.statusCode() / 100 != 2) {
            throw new CallFailed(refusal(opened, request.account(), "the upload of video " + video.mediaId()));
        }
        return opened.headers().firstValue("Location").map(URI::create).orElseThrow(() -> new CallFailed(
                new PublishResult.Retry("YouTube opened an upload session without a Location", null)));
    }

    /** Asks a kept session what it holds (a status query: nothing is sent that could publish). */
    private Progress ask(PublishRequest request, URI session, long size) throws CallFailed {
        HttpResponse<String> status = http.exchangeBeforePosting("YouTube", authorized(request, session)
                .header("Content-Range", "bytes */" + size)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        if (status.statusCode() == 404 || status.statusCode() == 410) {
            return new Progress(null, -1);
        }
        return answer(request, status);
    }

    /**
     * As {@link #ask}; a status query that got no answer says nothing about whether the video exists (the last byte
     * may be in), so it is an unknown outcome, asked again later, rather than a reason to upload.
     */
    private Progress askOrUnknown(PublishRequest request, URI session, long size) throws CallFailed {
        try {
            return ask(request, session, size);
        } catch (CallFailed e) {
            if (e.result() instanceof PublishResult.Retry retry) {
                throw new CallFailed(new PublishResult.Unknown(PublishResult.outcomeUnknown(
                        "the upload session could not be asked: " + retry.reason()), retry.accountPausedUntil()));
            }
            throw e;
        }
    }

    /** Sends the bytes from {@code from} in chunks, each time going on from what the server says it has. */
    private PublishResult upload(PublishRequest request, URI session, byte[] bytes, long from) throws CallFailed {
        long next = from;
        while (true) {
            int end = (int) Math.min(bytes.length, next + chunkBytes);
            HttpResponse<String> response = http.exchange("YouTube", authorized(request, session)
                    .header("Content-Range", "bytes " + next + "-" + (end - 1) + "/" + bytes.length)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, (int) next, end))));
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                // The session expired before the last byte: no video was made; the next try opens a new one.
                request.memory().remember(SESSION, "");
                return new PublishResult.Retry("YouTube no longer knows the upload session (" + response.statusCode()
                        + "): a new upload starts on the next try", null);
            }
            Progress progress = answer(request, response);
            if (progress.result() != null) {
                return progress.result();
            }
            if (progress.next() <= next) {
                return new PublishResult.Retry("YouTube kept none of the chunk at byte " + next
                        + ": the next try resumes from what it reports", null);
            }
            next = progress.next();
        }
    }

    /** 200/201: the video; 308: the byte after the server's {@code Range} (0 without one); else a refusal. */
    private Progress answer(PublishRequest request, HttpResponse<String> response) throws CallFailed {
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            String id = http.json(response.body()).path("id").asText("");
            if (id.isEmpty()) {
                return new Progress(new PublishResult.Unknown(PublishResult.outcomeUnknown("YouTube answered "
                        + status + " without a video id"), null), 0);
            }
            return new Progress(new PublishResult.Published(id, URI.create("https://www.youtube.com/watch?v=" + id),
                    null), 0);
        }
        if (status == 308) {
            Matcher range = RANGE.matcher(response.headers().firstValue("Range").orElse(""));
            return new Progress(null, range.matches() ? Long.parseLong(range.group(2)) + 1 : 0);
        }
        throw new CallFailed(refusal(response, request.account(), "the upload"));
    }

    private HttpRequest.Builder authorized(PublishRequest request, URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + request.token().value());
    }

    /** Google's error shape: {@code error.errors[0].reason} is the code, {@code error.message} the reason. */
    private PublishResult refusal(HttpResponse<String> response, String account, String what) {
        int status = response.statusCode();
        JsonNode error = http.json(response.body()).path("error");
        String reason = error.path("errors").path(0).path("reason").asText("");
        String message = NetworkHttp.message(error.path("message").asText(null), response.body());
        if (status == 401) {
            return new PublishResult.NeedsReconnect("YouTube did not accept the access token of account " + account
                    + ": an admin must connect it again", null);
        }
        if (status == 403 && (reason.equals("quotaExceeded") || reason.equals("uploadLimitExceeded"))) {
            Instant midnight = LocalDate.now(QUOTA_ZONE).plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
            return new PublishResult.Retry("YouTube's daily quota is spent (" + reason + "): " + message, midnight);
        }
        if (status == 429 || status >= 500) {
            return new PublishResult.Retry("YouTube answered " + status + " to " + what + ": " + message, null);
        }
        return new PublishResult.Failed("YouTube refused " + what + " (" + status
                + (reason.isEmpty() ? "" : " " + reason) + "): " + message, null);
    }

    /** The text's first non-blank line, else the video's caption's, cut to YouTube's 100 characters. */
    static String title(String text, MediaItem video) {
        String first = TextParts.firstLine(text);
        return TextParts.cut(first.isEmpty() ? TextParts.firstLine(video.caption()) : first, MAX_TITLE);
    }
}
