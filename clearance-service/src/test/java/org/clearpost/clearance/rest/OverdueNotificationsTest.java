package org.clearpost.clearance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.clearance.notification.NotificationReceivers;
import org.clearpost.clearance.notification.OverdueNotification;
import org.clearpost.events.PostDrafted;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(NotificationReceivers.class)
class OverdueNotificationsTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    /** Injected by {@link NotificationReceivers}: what the SMTP server received. */
    Supplier<List<String>> mails;
    /** Injected by {@link NotificationReceivers}: what the webhook received, each with the status it answered. */
    Supplier<List<String>> webhookPosts;

    @Test
    void theLeadsGetAMailAndAChatMessageAndAFailedPostIsRetried() {
        PostDrafted drafted = DraftedPostMother.scheduledAt(Instant.now().minus(3, ChronoUnit.MINUTES));
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);
        String caseIdText = caseId.toString();

        String mail = await().atMost(Duration.ofSeconds(30)).until(() -> mails.get().stream()
                .filter(m -> m.contains(caseIdText)).findFirst().orElse(null), m -> m != null);
        assertThat(mail).contains("Subject: Overdue for clearance: case " + caseIdText + " on the normal route")
                .contains("To: [" + NotificationReceivers.LEADS + "]")
                .contains("Route: normal")
                // The due time is the scheduled time, as an instant and on London's wall clock.
                .contains(drafted.scheduledAt().truncatedTo(ChronoUnit.MICROS).toString().substring(0, 19))
                .contains("London time")
                .contains("Post: " + drafted.postId() + ", version 1, by dana")
                .contains("Leads: lena, lars");

        // The webhook refused the first POST (503); the sender tried again and it was accepted.
        List<String> posts = await().atMost(Duration.ofSeconds(30)).until(() -> webhookPosts.get().stream()
                .filter(p -> p.contains(caseIdText)).toList(), p -> p.size() >= 2);
        assertThat(posts.get(0)).startsWith("503 application/json {\"text\":\"Overdue for clearance: case "
                + caseIdText);
        assertThat(posts.get(1)).startsWith("200 application/json").contains("Route: normal");
        await().atMost(Duration.ofSeconds(10)).until(() -> sentOf(caseId).stream().allMatch(n -> n.sentAt != null));
        List<OverdueNotification> sent = sentOf(caseId);
        assertThat(sent).extracting(n -> n.channel).containsExactlyInAnyOrder(OverdueNotification.Channel.EMAIL,
                OverdueNotification.Channel.WEBHOOK);
        assertThat(sent).filteredOn(n -> n.channel == OverdueNotification.Channel.WEBHOOK).singleElement()
                .satisfies(n -> assertThat(n.attempts).isEqualTo(2));
        assertThat(sent).filteredOn(n -> n.channel == OverdueNotification.Channel.EMAIL).singleElement()
                .satisfies(n -> assertThat(n.attempts).isEqualTo(1));
        // Told once: later scans neither mark the case again nor queue another notice.
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertThat(sentOf(caseId)).hasSize(2);
        assertThat(mails.get().stream().filter(m -> m.contains(caseIdText))).hasSize(1);
    }

    private static List<OverdueNotification> sentOf(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> OverdueNotification.<OverdueNotification>list(
                "caseId", caseId));
    }
}
