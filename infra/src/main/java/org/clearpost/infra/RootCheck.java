package org.clearpost.infra;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL will not run as root. zonky works around it with {@code unshare -U} (a user namespace in which
 * the process is "nobody"); where user namespaces are disabled, fail with the remedy rather than
 * with initdb's bare "cannot be run as root".
 */
final class RootCheck {

    private static volatile Boolean usable;

    private RootCheck() {
    }

    static void requireUsableAsRoot() {
        if (usable == null) {
            usable = !isRoot() || unshareWorks();
        }
        if (!usable) {
            throw new IllegalStateException("PostgreSQL cannot run as root and 'unshare -U' is not permitted here. "
                    + "Run as an unprivileged user, or allow user namespaces "
                    + "(sysctl kernel.unprivileged_userns_clone=1 / user.max_user_namespaces > 0).");
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean unshareWorks() {
        try {
            Process process = new ProcessBuilder("unshare", "-U", "true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
