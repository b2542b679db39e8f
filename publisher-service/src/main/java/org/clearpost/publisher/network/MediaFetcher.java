package org.clearpost.publisher.network;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.clearpost.events.MediaItem;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * Fetches a media file from drafting's media store and checks it is the file that was cleared: the size and the
 * SHA-256 the clearance carried. Nothing is on a network yet at this point, so a fetch that did not work out is tried
 * again; bytes that do not match fail the publication, since publishing them would publish what nobody cleared.
 */
@ApplicationScoped
public class MediaFetcher {

    private final NetworkHttp http;

    public MediaFetcher(NetworkHttp http) {
        this.http = http;
    }

    public byte[] fetch(MediaItem item) throws CallFailed {
        URI url;
        try {
            url = URI.create(item.url());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw failed(item, "its URL is not a URL");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.exchange("drafting's media store", HttpRequest.newBuilder(url).GET(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (CallFailed e) {
            throw new CallFailed(new PublishResult.Retry("cannot fetch media " + item.mediaId() + ": "
                    + reasonOf(e.result()), null));
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new CallFailed(new PublishResult.Retry("cannot fetch media " + item.mediaId()
                        + ": drafting answered " + status, null));
            }
            if (status / 100 != 2) {
                // Not the URL: drafting serves the bytes to whoever has it, so it stays out of reasons and logs.
                throw failed(item, "drafting's media store answered " + status);
            }
            // One byte more than cleared is enough to know the file is not the cleared one.
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, item.sizeBytes() + 1));
            String sha256 = sha256(bytes);
            if (bytes.length != item.sizeBytes() || !sha256.equalsIgnoreCase(item.sha256())) {
                String got = bytes.length > item.sizeBytes() ? "more than " + item.sizeBytes() + " bytes"
                        : bytes.length + " bytes with sha256 " + sha256;
                throw failed(item, "the bytes fetched do not match what was cleared (expected " + item.sizeBytes()
                        + " bytes with sha256 " + item.sha256() + ", got " + got + ")");
            }
            return bytes;
        } catch (IOException e) {
            throw new CallFailed(new PublishResult.Retry("cannot fetch media " + item.mediaId() + ": "
                    + e.getMessage(), null));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static CallFailed failed(MediaItem item, String why) {
        return new CallFailed(new PublishResult.Failed("media " + item.mediaId() + " cannot be published: " + why,
                null));
    }

    private static String reasonOf(PublishResult result) {
        return result instanceof PublishResult.Retry r ? r.reason()
                : result instanceof PublishResult.Failed f ? f.reason() : result.toString();
    }
}
