package org.clearpost.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium and chromedriver, installed by the test run itself when the machine has not got them (a fresh
 * machine has not): README's test command needs no hand-installed step. Only Debian's packages, never a browser a
 * test tool downloads.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("clearpost.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("clearpost.chromedriver", "/usr/bin/chromedriver"));

    private static boolean checked;

    private Chromium() {
    }

    static synchronized void ensureInstalled() {
        if (checked || Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            checked = true;
            return;
        }
        List<String> install = List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium",
                "chromium-driver");
        if (run(install) != 0) {
            // The package lists may be older than the mirror: refresh them once and try again.
            run(List.of("apt-get", "update", "-q"));
            if (run(install) != 0) {
                throw new IllegalStateException("could not install Debian's chromium and chromium-driver with apt-get "
                        + "(needs root and Debian's package mirror); install them, or point -Dclearpost.chromium and "
                        + "-Dclearpost.chromedriver at a Chromium and its driver");
            }
        }
        checked = true;
    }

    private static int run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "chromium-install.log").toFile()))
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
