package org.clearpost.monitoring.facebook;

/** The answer to a webhook delivery: how many mentions it held and how many of them were new. */
public record WebhookReceipt(int mentions, int stored) {
}
