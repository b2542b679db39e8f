package org.clearpost.drafting.media;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Media files in a directory, spread over subdirectories by the key's first two characters. A default bean: any other
 * {@link MediaStore} bean (an S3 one, say) replaces it without further wiring.
 */
@ApplicationScoped
@DefaultBean
public class FileSystemMediaStore implements MediaStore {

    private final Path root;

    public FileSystemMediaStore(MediaConfig config) {
        this.root = Path.of(config.media().directory()).toAbsolutePath();
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), key, ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            // A reader never sees a half-written file: the name appears only once all bytes are there.
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!key.matches("[0-9a-f-]{3,64}")) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
