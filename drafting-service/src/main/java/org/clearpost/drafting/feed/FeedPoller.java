package org.clearpost.drafting.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Polls the configured feeds with conditional GETs (ETag, Last-Modified) and hands each fetched feed's items to
 * {@link FeedSuggestions}, which keeps the new ones. A feed that fails is logged and tried again next time.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final FeedConfig config;
    private final FeedSuggestions suggestions;
    private final HttpClient http;

    public FeedPoller(FeedConfig config, FeedSuggestions suggestions) {
        this.config = config;
        this.suggestions = suggestions;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(config.feedTimeout()).build();
    }

    @Scheduled(every = "${clearpost.drafting.feed-poll-interval:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        pollAll();
    }

    /** Polls every feed once; returns how many new suggestions they gave. */
    public int pollAll() {
        int added = 0;
        for (FeedConfig.Feed feed : config.feeds().orElse(List.of())) {
            try {
                added += poll(feed);
            } catch (IOException | FeedException | RuntimeException e) {
                LOG.warnf("Feed %s (%s) could not be read: %s", feed.name(), feed.url(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return added;
            }
        }
        return added;
    }

    private int poll(FeedConfig.Feed feed) throws IOException, InterruptedException, FeedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed.url()).timeout(config.feedTimeout())
                .header("User-Agent", "Clearpost drafting-service feed poller")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8");
        Optional<FeedState> state = suggestions.state(feed.name());
        state.map(s -> s.etag).ifPresent(etag -> request.header("If-None-Match", etag));
        state.map(s -> s.lastModified).ifPresent(modified -> request.header("If-Modified-Since", modified));
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return 0;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode());
            }
            // ROME refuses DOCTYPEs by default, so a feed cannot pull in external entities.
            SyndFeed parsed = new SyndFeedInput().build(new XmlReader(body));
            int added = suggestions.offer(feed.name(), FeedItem.of(parsed),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            LOG.debugf("Feed %s: %d new item(s)", feed.name(), added);
            return added;
        }
    }
}
