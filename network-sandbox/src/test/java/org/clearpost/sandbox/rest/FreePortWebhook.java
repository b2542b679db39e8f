package org.clearpost.sandbox.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the webhook URL at a free loopback port before the app starts. The test itself listens there (or not):
 * the receiver lives in the test class because this manager runs in another class loader.
 */
public class FreePortWebhook implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Map.of("clearpost.sandbox.webhook-url",
                    "http://127.0.0.1:" + socket.getLocalPort() + "/webhooks/facebook");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
