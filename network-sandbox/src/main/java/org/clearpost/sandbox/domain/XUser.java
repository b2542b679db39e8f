package org.clearpost.sandbox.domain;

/** The X user a token acts for, as {@code GET /2/users/me} answers it. */
public record XUser(String id, String name, String username) {
}
