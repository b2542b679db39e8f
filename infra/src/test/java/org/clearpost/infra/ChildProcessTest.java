package org.clearpost.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void awaitingFailsFastWithTheLogTailWhenTheProcessDies() {
        ChildProcess process = ChildProcess.start("doomed", List.of("sh", "-c", "echo boom: $GREETING; exit 3"),
                Map.of("GREETING", "no config"), dir, dir.resolve("doomed.log"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> process.awaitHttpOk(URI.create("http://localhost:" + FreePort.pick() + "/q/health/ready"), Duration.ofMinutes(1)))
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("boom: no config");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void stopEndsTheWholeProcessTree() {
        // Like kc.sh: a shell that ignores nothing and waits for a child it started.
        ChildProcess process = ChildProcess.start("tree", List.of("bash", "-c", "sleep 300 & sleep 301 & wait"),
                Map.of(), dir, dir.resolve("tree.log"));
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        awaitDescendants(handle, 2);
        List<ProcessHandle> tree = handle.descendants().toList();

        process.stop();

        assertThat(Processes.isRunning(handle)).isFalse();
        assertThat(tree).noneMatch(Processes::isRunning);
    }

    @Test
    void killEndsTheTreeAtOnceAndReturnsOnlyOnceTheProcessIsReaped() {
        ChildProcess process = ChildProcess.start("crashing", List.of("bash", "-c", "trap '' TERM; sleep 300 & wait"),
                Map.of(), dir, dir.resolve("crashing.log"));
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        awaitDescendants(handle, 1);
        List<ProcessHandle> tree = handle.descendants().toList();

        process.kill();

        // isAlive() straight away: a restart checks it, and a zombie not yet reaped would still count as alive.
        assertThat(process.isAlive()).isFalse();
        assertThat(tree).noneMatch(Processes::isRunning);
        assertThat(dir.resolve("crashing.pid")).as("left behind, as after a crash").exists();
    }

    @Test
    void aSecondStartEndsTheProcessLeftRunningByAnEarlierRun() {
        // As after a SIGKILL of the launcher: the earlier run's child is still alive and its pid file still there.
        Path log = dir.resolve("server.log");
        ChildProcess orphan = ChildProcess.start("server", List.of("sleep", "300"), Map.of(), dir, log);
        assertThat(dir.resolve("server.pid")).exists();

        ChildProcess successor = ChildProcess.start("server", List.of("sleep", "300"), Map.of(), dir, log);

        assertThat(orphan.isAlive()).isFalse();
        assertThat(successor.isAlive()).isTrue();
        successor.stop();
        assertThat(dir.resolve("server.pid")).doesNotExist();
    }

    @Test
    void runsInItsOwnSessionSoATerminalCtrlCReachesOnlyItsParent() throws Exception {
        ChildProcess process = ChildProcess.start("detached", List.of("sleep", "300"), Map.of(), dir, dir.resolve("detached.log"));
        try {
            assertThat(ProcessHandle.of(process.pid()).flatMap(p -> p.info().command())).hasValueSatisfying(c -> assertThat(c).endsWith("/sleep"));
            assertThat(sessionId(process.pid())).isEqualTo(process.pid()).isNotEqualTo(sessionId(ProcessHandle.current().pid()));
        } finally {
            process.stop();
        }
    }

    /** Field 6 of /proc/<pid>/stat, counted after the command name in parentheses. */
    private static long sessionId(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }

    private static void awaitDescendants(ProcessHandle handle, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (handle.descendants().count() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(handle.descendants().count()).isEqualTo(count);
    }
}
