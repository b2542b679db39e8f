package org.clearpost.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server started as a child process whose output goes to a log file, which can be awaited over HTTP and
 * stopped together with every process it spawned.
 *
 * <p>Its pid is kept next to the log ({@code keycloak.log} → {@code keycloak.pid}): when the parent JVM was killed
 * with SIGKILL, its children keep running and holding their ports, and the next start ends them first.
 */
final class ChildProcess {

    private static final int LOG_TAIL_LINES = 40;
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFileOf(logFile);
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            stopOrphanOfEarlierRun(pidFileOf(logFile));
            // Appending keeps the previous run's log for post-mortems; the marker shows where this run begins.
            Files.writeString(logFile, "%n===== %s started %s: %s%n".formatted(name, Instant.now(), command),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(inOwnSession(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            writePidFile(pidFileOf(logFile), process.toHandle());
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /**
     * A terminal's Ctrl-C signals its whole foreground process group at once; in a session of its own the child
     * is left to be stopped by its parent, in order. setsid execs in place (a fresh child is no group leader), so
     * the pid stays the child's own.
     */
    private static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    private static Path pidFileOf(Path logFile) {
        String name = logFile.getFileName().toString().replaceFirst("\\.log$", "");
        return logFile.resolveSibling(name + ".pid");
    }

    /** The pid file holds pid and start time, so that a recycled pid never gets someone else's process killed. */
    private static void writePidFile(Path pidFile, ProcessHandle process) throws IOException {
        Files.writeString(pidFile, process.pid() + " " + startInstant(process));
    }

    private static void stopOrphanOfEarlierRun(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String[] recorded = Files.readString(pidFile).trim().split(" ");
        Files.delete(pidFile);
        if (recorded.length == 2) {
            ProcessHandle.of(Long.parseLong(recorded[0]))
                    .filter(orphan -> startInstant(orphan).equals(recorded[1]))
                    .ifPresent(orphan -> stopTree(orphan, GRACE));
        }
    }

    private static String startInstant(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("unknown");
    }

    /**
     * Polls {@code url} until it answers 200; fails at once with the end of the log if the process dies.
     */
    void awaitHttpOk(URI url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("%s exited with code %d before %s answered; end of %s:%n%s"
                        .formatted(name, process.exitValue(), url, logFile, logTail()));
            }
            try {
                lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // expected while the server boots
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new IllegalStateException("%s did not answer 200 on %s within %s (last status %d); end of %s:%n%s"
                .formatted(name, url, timeout, lastStatus, logFile, logTail()));
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM to the whole tree, then SIGKILL to whatever is left after the grace period. */
    void stop() {
        stopTree(process.toHandle(), GRACE);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pidFile, e);
        }
    }

    /**
     * SIGKILL to the process and every process it spawned, at once and without a grace period: a crash, as the
     * fault-injection suite needs it. Returns once they have all ended. The pid file stays, as after a real crash.
     */
    void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            if (!Processes.awaitEnd(handle, KILL_WAIT)) {
                throw new IllegalStateException(name + " (pid " + handle.pid() + ") survived SIGKILL for " + KILL_WAIT);
            }
        }
        // Dead is not yet reaped: until the JDK's reaper has collected the zombie, Process.isAlive() still says
        // true, and on a loaded machine that lasts seconds. Callers check isAlive() before starting a successor.
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " was killed but not reaped within " + KILL_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reaping " + name, e);
        }
    }

    /** Runs {@code action} when the process ends, however it ends. */
    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** The descendants are collected first: once a parent dies, its children are re-parented out of reach. */
    private static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : tree) {
            Duration remaining = Duration.between(Instant.now(), deadline);
            if (!Processes.awaitEnd(handle, remaining.isNegative() ? Duration.ZERO : remaining)) {
                handle.destroyForcibly();
                Processes.awaitEnd(handle, KILL_WAIT);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
