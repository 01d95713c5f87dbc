package io.millwright.edge.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.millwright.edge.config.EdgeConfig;
import io.millwright.model.common.ModelJson;

/**
 * What operators did on this gateway (replayed or discarded a dead letter), one JSON line each in
 * {@code <data-dir>/operator-actions.log}, written and forced to disk before the answer goes out. The gateway has no
 * database; the file sits beside its journal and survives restarts with it. Entries have the shape of the services'
 * {@code /api/v1/operator-actions}, so the operations console shows both in one list.
 */
@ApplicationScoped
public class OperatorActionLog {

    private static final Logger LOG = Logger.getLogger(OperatorActionLog.class);
    static final String FILE = "operator-actions.log";

    /** One action: when, who (the token's user), which client they came through, what, on what. */
    public record OperatorAction(UUID id, Instant at, String actor, String clientId, String action, String subject, String detail,
            String correlationId) {
    }

    private final Path file;

    public OperatorActionLog(EdgeConfig config) {
        this.file = config.dataDir().toAbsolutePath().resolve(FILE);
    }

    /** Records an action durably; throws when it cannot (the caller answers 500 and the operator tries again). */
    public synchronized OperatorAction record(String actor, String clientId, String action, String subject, String detail) {
        OperatorAction entry = new OperatorAction(UUID.randomUUID(), Instant.now(), actor, clientId, action, subject, detail, null);
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (ModelJson.mapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the operator action in " + file, e);
        }
        LOG.infof("Operator action %s on %s by %s (%s): %s", action, subject, actor, clientId, detail);
        return entry;
    }

    /** The latest {@code limit} actions, newest first. */
    public synchronized List<OperatorAction> latest(int limit) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Deque<OperatorAction> newest = new ArrayDeque<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                try {
                    newest.addFirst(ModelJson.mapper().readValue(line, OperatorAction.class));
                    if (newest.size() > limit) {
                        newest.removeLast();
                    }
                } catch (IOException e) {
                    // a line cut short by a crash mid-write: the action before it was answered, this one was not
                    LOG.warnf("Skipping an unreadable line of %s: %s", file, e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new ArrayList<>(newest);
    }
}
