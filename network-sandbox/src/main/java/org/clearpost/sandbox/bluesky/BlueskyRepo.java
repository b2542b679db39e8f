package org.clearpost.sandbox.bluesky;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.Tokens;

/**
 * The repos the publishing XRPC methods write to, in memory: blobs by CID (content-addressed, so the same bytes
 * uploaded twice are one blob) and records by {@code at://did/collection/rkey}. Kept apart from the Jetstream log:
 * records written here are the body's own posts, which monitoring's firehose does not replay.
 */
@ApplicationScoped
public class BlueskyRepo {

    /** An uploaded blob as {@code uploadBlob} described it. */
    public record Blob(String cid, String mimeType, long size, String sha256) {
    }

    /** A record as {@code getRecord} answers it. */
    public record StoredRecord(String uri, String cid, ObjectNode value) {
    }

    private final Map<String, Blob> blobs = new HashMap<>();
    private final Map<String, StoredRecord> records = new HashMap<>();

    /** Keeps the bytes' blob; its CID is a raw-codec CIDv1 look-alike ("bafkrei...") of their SHA-256. */
    public synchronized Blob upload(String mimeType, byte[] bytes) {
        String sha256 = Tokens.sha256(bytes);
        Blob blob = new Blob("bafkrei" + PostFactory.cid(sha256).substring("bafyrei".length()), mimeType,
                bytes.length, sha256);
        blobs.putIfAbsent(blob.cid(), blob);
        return blobs.get(blob.cid());
    }

    public synchronized Optional<Blob> blob(String cid) {
        return Optional.ofNullable(blobs.get(cid));
    }

    /** Writes the record at {@code uri} unless one is already there: empty then, the first one stays as it was. */
    public synchronized Optional<StoredRecord> create(String uri, ObjectNode value) {
        if (records.containsKey(uri)) {
            return Optional.empty();
        }
        StoredRecord record = new StoredRecord(uri, PostFactory.cid(uri + value), value);
        records.put(uri, record);
        return Optional.of(record);
    }

    public synchronized Optional<StoredRecord> get(String uri) {
        return Optional.ofNullable(records.get(uri));
    }
}
