package org.clearpost.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds local TCP ports so that nothing else can take them: tests use it to show they run while
 * {@code ./clearpost-local} (or anything else) sits on the default ports. A port something else already has is
 * left to it; it is taken either way.
 */
public final class PortsHeld implements AutoCloseable {

    /**
     * Every port a Clearpost test run could be tempted to use: the local platform's defaults (Kafka 9092,
     * PostgreSQL 5432, Keycloak 8180 and its management port 9000, the sandbox 8089, the services 8081-8085) and
     * Quarkus's own (HTTP 8080, test HTTP 8081, HTTPS 8443, test HTTPS 8444, management 9000, test management 9001).
     */
    public static final List<Integer> DEFAULTS = List.of(5432, 8080, 8081, 8082, 8083, 8084, 8085, 8089, 8180,
            8443, 8444, 9000, 9001, 9092);

    private final List<ServerSocket> sockets;
    private final Set<Integer> taken;

    private PortsHeld(List<ServerSocket> sockets, Set<Integer> taken) {
        this.sockets = sockets;
        this.taken = taken;
    }

    /** Binds each port that is free, on every interface (which also keeps a loopback-only bind off it). */
    public static PortsHeld hold(List<Integer> ports) {
        List<ServerSocket> sockets = new ArrayList<>();
        Set<Integer> taken = new LinkedHashSet<>();
        for (int port : ports) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(port));
                sockets.add(socket);
            } catch (IOException alreadyInUse) {
                // Someone else's: just as unavailable to the test, which is the point.
            }
            taken.add(port);
        }
        return new PortsHeld(sockets, taken);
    }

    /** The ports that are now unavailable, held here or by something else. */
    public Set<Integer> ports() {
        return Set.copyOf(taken);
    }

    /** Whether a server could bind {@code port} on loopback now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
