package org.clearpost.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) running as a child JVM. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final ChildProcess process;

    private ServiceProcess(String name, ChildProcess process) {
        this.name = name;
        this.process = process;
    }

    /**
     * @param quarkusRunJar e.g. {@code drafting-service/target/quarkus-app/quarkus-run.jar}
     * @param env           added to this JVM's environment (Quarkus reads its configuration from it)
     * @param jvmOptions    e.g. {@code -Xmx256m}
     * @param logFile       receives stdout and stderr, appended
     */
    public static ServiceProcess start(String name, Path quarkusRunJar, Map<String, String> env,
                                       List<String> jvmOptions, Path logFile) {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IllegalArgumentException(name + ": " + quarkusRunJar + " does not exist; build the module first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(quarkusRunJar.toAbsolutePath().toString());
        // The working directory is the application's own folder, so relative paths in its config stay inside it.
        Path workDir = quarkusRunJar.toAbsolutePath().getParent();
        return new ServiceProcess(name, ChildProcess.start(name, command, env, workDir, logFile));
    }

    /** Polls {@code healthReadyUrl} until 200; fails fast, with the end of the log, if the process dies. */
    public void awaitReady(URI healthReadyUrl, Duration timeout) {
        process.awaitHttpOk(healthReadyUrl, timeout);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Runs {@code action} when the process ends, however it ends (also after {@link #close()}). */
    public void onExit(Runnable action) {
        process.onExit(action);
    }

    /**
     * kill -9: the JVM gets no chance to run shutdown hooks, finish requests or commit Kafka offsets. For fault
     * injection only; start a new process with {@link #start} to bring the application back.
     */
    public void kill() {
        process.kill();
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL to the process and its descendants if it lingers. */
    @Override
    public void close() {
        process.stop();
    }
}
