package org.clearpost.monitoring.facebook;

/**
 * The answer to a webhook delivery: how many changes it held, all now durable on the raw-mentions topic. Which of them
 * are mentions, and which are new, the pipeline decides after the answer.
 */
public record WebhookReceipt(int changes) {
}
