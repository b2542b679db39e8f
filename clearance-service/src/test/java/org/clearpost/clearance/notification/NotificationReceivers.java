package org.clearpost.clearance.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The servers leads are told through, for real: GreenMail as the SMTP server and a JDK HTTP server as the chat
 * webhook, each on a free port. The webhook refuses the first POST of each message (503), so the tests see
 * every failed delivery retried. Tests receive what arrived through fields of type {@code Supplier<List<String>>} named
 * {@code mails} (subject, recipients and text of each mail) and {@code webhookPosts} (each POST's status answered
 * and body): JDK types, so they cross the class loaders of the test and the application.
 */
public class NotificationReceivers implements QuarkusTestResourceLifecycleManager {

    public static final String LEADS = "clearance-leads@clearpost.test";

    private GreenMail smtp;
    private HttpServer webhook;
    private final List<String> posts = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> refusedOnce = new HashSet<>();

    @Override
    public Map<String, String> start() {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webhook.createContext("/hooks/clearance", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status;
            synchronized (posts) {
                status = refusedOnce.add(body) ? 503 : 200;
                posts.add(status + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        String hook = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hooks/clearance";
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtpPort),
                "clearpost.clearance.notifications.email", "nobody@clearpost.test",
                "clearpost.clearance.notifications.routes.normal.email", LEADS,
                "clearpost.clearance.notifications.routes.normal.webhook", hook);
    }

    @Override
    public void inject(TestInjector testInjector) {
        Supplier<List<String>> mails = this::mails;
        Supplier<List<String>> webhookPosts = () -> List.copyOf(posts);
        testInjector.injectIntoFields(mails, f -> f.getName().equals("mails") && f.getType() == Supplier.class);
        testInjector.injectIntoFields(webhookPosts,
                f -> f.getName().equals("webhookPosts") && f.getType() == Supplier.class);
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    private List<String> mails() {
        List<String> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                mails.add("Subject: " + message.getSubject() + "\nTo: "
                        + Arrays.toString(message.getRecipients(Message.RecipientType.TO)) + "\n\n"
                        + message.getContent());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("cannot read a received mail", e);
            }
        }
        return mails;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
