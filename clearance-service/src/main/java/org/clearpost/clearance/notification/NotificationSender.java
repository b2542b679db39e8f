package org.clearpost.clearance.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clearpost.clearance.config.NotificationsConfig;
import org.jboss.logging.Logger;

/**
 * Delivers queued overdue notices every {@code clearpost.clearance.notifications.send-interval}: e-mail through the
 * SMTP server of {@code quarkus.mailer.*}, chat as a JSON POST {@code {"text": ...}}. Runs apart from the overdue
 * scan, so a slow or failing server never holds up or rolls back marking cases overdue. A failed delivery is
 * retried with doubling delays and never dropped; delivery is at least once (a sender that dies after sending but
 * before recording it sends again after the claim's lease).
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    static final int BATCH = 20;

    private final OverdueNotifications notifications;
    private final ReactiveMailer mailer;
    private final NotificationsConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public NotificationSender(OverdueNotifications notifications, ReactiveMailer mailer, NotificationsConfig config) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.deliveryTimeout()).build();
    }

    @Scheduled(every = "${clearpost.clearance.notifications.send-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void send() {
        // The lease outlasts a batch of deliveries each at its timeout, so no other sender claims them meanwhile.
        Duration lease = config.deliveryTimeout().multipliedBy(BATCH + 1L);
        List<OverdueNotifications.Delivery> batch;
        do {
            batch = notifications.claim(BATCH, lease);
            batch.forEach(this::deliver);
        } while (batch.size() == BATCH);
    }

    private void deliver(OverdueNotifications.Delivery delivery) {
        try {
            switch (delivery.channel()) {
                case EMAIL -> mail(delivery);
                case WEBHOOK -> post(delivery);
            }
            notifications.delivered(delivery.id());
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Overdue notice %s by %s to %s failed, will retry: %s", delivery.id(), delivery.channel(),
                    delivery.recipient(), error);
            notifications.failed(delivery.id(), error);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void mail(OverdueNotifications.Delivery delivery) {
        Mail mail = new Mail().setTo(Arrays.asList(delivery.recipient().split(","))).setSubject(delivery.subject())
                .setText(delivery.body());
        mailer.send(mail).await().atMost(config.deliveryTimeout());
    }

    private void post(OverdueNotifications.Delivery delivery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.recipient()))
                .timeout(config.deliveryTimeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", delivery.body()))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new IOException("webhook answered " + response.statusCode() + " "
                    + (answer.length() > 200 ? answer.substring(0, 200) : answer));
        }
    }
}
