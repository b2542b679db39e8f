package org.clearpost.drafting.feed;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.drafting.domain.Post;
import org.clearpost.drafting.domain.PostContent;
import org.clearpost.drafting.domain.PostService;
import org.clearpost.support.problem.ProblemException;

/** Suggestions made from the body's feeds, and turning one into a draft. */
@ApplicationScoped
public class FeedSuggestions {

    static final int LIST_LIMIT = 200;

    private final PostService posts;
    private final Clock clock;

    public FeedSuggestions(PostService posts, Clock clock) {
        this.posts = posts;
        this.clock = clock;
    }

    /** What the feed last answered with, for a conditional GET. */
    @Transactional
    public Optional<FeedState> state(String feedName) {
        return FeedState.findByIdOptional(feedName);
    }

    /** Records a fetched feed: a suggestion for every item not seen before. Returns how many were new. */
    @Transactional
    public int offer(String feedName, List<FeedItem> items, String etag, String lastModified) {
        int added = 0;
        for (FeedItem item : items) {
            if (FeedSuggestion.count("feedName = ?1 and itemKey = ?2", feedName, item.key()) == 0) {
                FeedSuggestion suggestion = new FeedSuggestion();
                suggestion.id = UUID.randomUUID();
                suggestion.feedName = feedName;
                suggestion.itemKey = item.key();
                suggestion.title = item.title();
                suggestion.summary = item.summary();
                suggestion.link = item.link();
                suggestion.publishedAt = item.publishedAt();
                suggestion.foundAt = clock.instant();
                suggestion.status = FeedSuggestion.Status.NEW;
                suggestion.persist();
                added++;
            }
        }
        polled(feedName, etag, lastModified);
        return added;
    }

    @Transactional
    public void polled(String feedName, String etag, String lastModified) {
        FeedState state = FeedState.findById(feedName);
        if (state == null) {
            state = new FeedState();
            state.feedName = feedName;
            state.persist();
        }
        state.etag = etag;
        state.lastModified = lastModified;
        state.lastPolledAt = clock.instant();
    }

    /** The newest {@value #LIST_LIMIT} with this status: feeds only grow, so the list is bounded. */
    @Transactional
    public List<FeedSuggestion> list(FeedSuggestion.Status status) {
        Sort newestFirst = Sort.descending("publishedAt").and("foundAt", Sort.Direction.Descending);
        return FeedSuggestion.<FeedSuggestion>find("status", newestFirst, status).page(0, LIST_LIMIT).list();
    }

    @Transactional
    public FeedSuggestion find(UUID id) {
        FeedSuggestion suggestion = FeedSuggestion.findById(id);
        if (suggestion == null) {
            throw ProblemException.notFound("Suggestion", id);
        }
        return suggestion;
    }

    /** Drafts a post from the suggestion, as {@code author}, to the given accounts, and marks it used. */
    @Transactional
    public Post draft(UUID id, List<PostContent.TargetContent> destinations, String author) {
        FeedSuggestion suggestion = open(id);
        Post post = posts.draft(author, PostContent.simple(
                DraftText.of(suggestion.title, suggestion.summary, suggestion.link), destinations, null)).post();
        suggestion.status = FeedSuggestion.Status.USED;
        suggestion.postId = post.id;
        suggestion.decidedBy = author;
        return post;
    }

    @Transactional
    public void dismiss(UUID id, String by) {
        FeedSuggestion suggestion = open(id);
        suggestion.status = FeedSuggestion.Status.DISMISSED;
        suggestion.decidedBy = by;
    }

    private FeedSuggestion open(UUID id) {
        FeedSuggestion suggestion = find(id);
        if (suggestion.status != FeedSuggestion.Status.NEW) {
            throw ProblemException.conflict("Suggestion is " + suggestion.status,
                    "Only a new suggestion can be drafted from or dismissed; this one is " + suggestion.status);
        }
        return suggestion;
    }
}
