package org.clearpost.analytics.sketch;

import com.tdunning.math.stats.MergingDigest;
import com.tdunning.math.stats.TDigest;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.clearpost.events.figures.Percentiles;

/**
 * t-digests of durations (seconds), as the figures carry them: base64 of {@link MergingDigest#asBytes}, so an
 * analyst (or the REST layer, for a range of weeks) can merge several without losing the percentiles. The verbose
 * encoding keeps centroids as doubles: the small one rounds them to floats, so a digest written and read back between
 * two events differed from one that took both in memory, and a replay from zero (other batches) gave other bytes.
 */
public final class Digests {

    /** t-digest's accuracy parameter: 100 keeps p50/p90 within a fraction of a percent at a few kB per digest. */
    public static final double COMPRESSION = 100;

    private Digests() {
    }

    public static MergingDigest empty() {
        return new MergingDigest(COMPRESSION);
    }

    public static String write(TDigest digest) {
        ByteBuffer buffer = ByteBuffer.allocate(digest.byteSize());
        digest.asBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    public static MergingDigest read(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return empty();
        }
        return MergingDigest.fromBytes(ByteBuffer.wrap(Base64.getDecoder().decode(base64)));
    }

    /** A new digest holding everything in {@code digests}. */
    public static MergingDigest merge(Iterable<String> digests) {
        MergingDigest merged = empty();
        for (String digest : digests) {
            merged.add(read(digest));
        }
        return merged;
    }

    public static Percentiles percentiles(TDigest digest) {
        if (digest.size() == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(digest.size(), digest.quantile(0.5), digest.quantile(0.9), digest.getMax());
    }
}
