package org.clearpost.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Asks the kernel for an unused local TCP port, for servers that cannot report the port they bound themselves. */
public final class FreePort {

    private FreePort() {
    }

    /** Returns {@code port} itself, or a currently free port when {@code port} is 0. */
    public static int orPick(int port) {
        return port == 0 ? pick() : port;
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
