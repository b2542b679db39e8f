package org.clearpost.drafting.domain;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PublicationFailed;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;

/** Drafting's use cases. Every change of a post and the event telling others about it commit together. */
@ApplicationScoped
public class PostService {

    private final Outbox outbox;
    private final Clock clock;

    public PostService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Post draft(String author, PostContent content) {
        Post post = Post.draft(author, content, clock.instant());
        post.persist();
        return post;
    }

    @Transactional
    public Post revise(UUID id, PostContent content) {
        Post post = find(id);
        post.revise(content, clock.instant());
        return post;
    }

    @Transactional
    public Post submit(UUID id) {
        Post post = find(id);
        outbox.append(post.submit(clock.instant()));
        return post;
    }

    @Transactional
    public Post find(UUID id) {
        Post post = Post.findById(id);
        if (post == null) {
            throw ProblemException.notFound("Post", id);
        }
        return post;
    }

    @Transactional
    public List<Post> list(PostStatus status, String author, int page, int size) {
        // Status is summarised from targets, so it is filtered after loading one page of candidates by author.
        List<Post> posts = author == null
                ? Post.<Post>findAll(Sort.descending("updatedAt")).page(Page.of(page, size)).list()
                : Post.<Post>find("author", Sort.descending("updatedAt"), author).page(Page.of(page, size)).list();
        return status == null ? posts : posts.stream().filter(p -> p.status() == status).toList();
    }

    /** Applies what clearance and the publisher report about a post; events for unknown posts are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ClearpostEvent event) {
        Post post = Post.findById(UUID.fromString(event.aggregateId()));
        if (post == null) {
            return;
        }
        if (event instanceof PostCleared cleared) {
            post.decided(cleared.version(), true, cleared.clearedBy(), cleared.comment());
        } else if (event instanceof PostRejected rejected) {
            post.decided(rejected.version(), false, rejected.rejectedBy(), rejected.comment());
        } else if (event instanceof PostPublished published) {
            post.targetPublished(published.version(), published.targetId(), published.externalId(), published.url());
        } else if (event instanceof PublicationFailed failed) {
            post.targetFailed(failed.version(), failed.targetId(), failed.reason());
        }
    }
}
