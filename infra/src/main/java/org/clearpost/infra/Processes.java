package org.clearpost.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Liveness of processes that are not necessarily our children. Java counts a zombie as alive, and orphans are
 * re-parented to an init that may reap them late; a zombie holds no port or file any more, so it counts as ended.
 */
public final class Processes {

    private Processes() {
    }

    /** Alive and not a zombie. */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            // /proc/<pid>/stat is "pid (comm) state ..."; comm may itself contain ") ".
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException noProcFileSystemOrGone) {
            return process.isAlive();
        }
    }

    /** Waits until the process has ended; returns whether it did within {@code timeout}. */
    public static boolean awaitEnd(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (isRunning(process)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }
}
