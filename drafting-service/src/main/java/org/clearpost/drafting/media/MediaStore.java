package org.clearpost.drafting.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where media bytes live, by key. The filesystem implementation serves one replica with a volume (or several with a
 * shared ReadWriteMany volume); an S3-compatible object store can implement the same three calls.
 */
public interface MediaStore {

    /** Stores everything {@code content} yields under {@code key}, streaming, and makes it visible only when done. */
    void put(String key, InputStream content) throws IOException;

    /** The bytes stored under {@code key}; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;
}
