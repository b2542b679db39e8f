package org.clearpost.drafting.domain;

import java.util.List;

/** One page of a listing and how many posts match in all. */
public record PostPage(List<Post> posts, long total) {
}
