package org.clearpost.sandbox.facebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Page's posts and the comments made on them by the firehose, kept for the Graph read API
 * ({@code /published_posts}, {@code /comments}) to page over, as Graph keeps them whether or not a webhook got through.
 */
public class FacebookPage {

    public record Post(String id, String message, Instant createdTime) {
    }

    public record Comment(String id, String postId, String fromId, String fromName, String message,
            Instant createdTime) {
    }

    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, List<Comment>> comments = new ConcurrentHashMap<>();
    private final AtomicLong commentCount = new AtomicLong();

    public Post addPost(Post post) {
        posts.add(post);
        comments.put(post.id(), new ArrayList<>());
        return post;
    }

    public void addComment(Comment comment) {
        List<Comment> onPost = comments.get(comment.postId());
        synchronized (onPost) {
            onPost.add(comment);
        }
        commentCount.incrementAndGet();
    }

    /** The posts, oldest first. */
    public List<Post> posts() {
        return List.copyOf(posts);
    }

    public boolean hasPost(String postId) {
        return comments.containsKey(postId);
    }

    /** A post's comments, oldest first; empty for a post not held. */
    public List<Comment> comments(String postId) {
        List<Comment> onPost = comments.get(postId);
        if (onPost == null) {
            return List.of();
        }
        synchronized (onPost) {
            return List.copyOf(onPost);
        }
    }

    /** Every comment id, for a test to compare with what it received. */
    public List<String> commentIds() {
        List<String> ids = new ArrayList<>();
        for (Post post : posts) {
            comments(post.id()).forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    public long commentCount() {
        return commentCount.get();
    }

    public void clear() {
        posts.clear();
        comments.clear();
        commentCount.set(0);
    }
}
