package org.clearpost.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the launcher's own logging (and, through slf4j-jdk14, the in-process Kafka broker's and zonky's) to files
 * under {@code logs/}, keeping the terminal for progress and the summary.
 */
final class LauncherLogging {

    /** java.util.logging holds loggers weakly; a collected logger would lose its handler. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private LauncherLogging() {
    }

    static void toFiles(Path logsDir) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
        LogManager.getLogManager().reset();
        try {
            Files.createDirectories(logsDir);
            Handler kafkaLog = fileHandler(logsDir.resolve("kafka.log"));
            route(kafkaLog, "kafka", "state.change.logger", "org.apache.kafka");
            route(fileHandler(logsDir.resolve("postgres.log")), "io.zonky");
            route(fileHandler(logsDir.resolve("launcher.log")), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create log files in " + logsDir, e);
        }
    }

    private static Handler fileHandler(Path file) throws IOException {
        // FileHandler patterns treat '%' specially; data directories may contain one.
        FileHandler handler = new FileHandler(file.toString().replace("%", "%%"), true);
        handler.setFormatter(new SimpleFormatter());
        return handler;
    }

    private static void route(Handler handler, String... loggerNames) {
        for (String name : loggerNames) {
            Logger logger = Logger.getLogger(name);
            logger.addHandler(handler);
            logger.setLevel(Level.INFO);
            logger.setUseParentHandlers(name.isEmpty());
            CONFIGURED.add(logger);
        }
    }
}
