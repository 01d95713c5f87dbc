package io.millwright.edge.acquisition;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.spi.connection.ChannelExposingConnection;

import io.netty.channel.Channel;

/**
 * Why a PLC4X connection attempt failed, where the driver only logs it. PLC4X 0.13.1's OPC UA driver logs "Failed
 * to establish connection" with the server's answer (e.g. {@code BadUserAccessDenied}) and then leaves the caller
 * waiting for a session that never comes. This handler, on the {@code org.apache.plc4x} log category, takes the
 * first error with an exception that the driver logs on an attempt's own Netty event loop, hands it to that attempt
 * and closes the attempt's channel, which ends the wait at once. Records of other threads are ignored, so
 * attempts of several connections at the same time each get their own reason.
 */
final class DriverErrorLog extends Handler {

    /** Held here: a logger nobody references may be collected, and with it the handler. */
    private static final Logger CATEGORY = Logger.getLogger("org.apache.plc4x");
    private static final DriverErrorLog INSTANCE = new DriverErrorLog();
    private static boolean installed;

    private final Set<Attempt> attempts = new CopyOnWriteArraySet<>();

    private DriverErrorLog() {
        setLevel(Level.SEVERE);
    }

    /** Starts watching the driver's log for this connection's attempt; close the attempt when connect() returned. */
    static Attempt watch(PlcConnection connection) {
        install();
        Attempt attempt = new Attempt(connection);
        INSTANCE.attempts.add(attempt);
        return attempt;
    }

    private static synchronized void install() {
        // installed on first use rather than at class load: Quarkus configures logging before routes start
        if (!installed) {
            CATEGORY.addHandler(INSTANCE);
            installed = true;
        }
    }

    /** When the gateway stops (the log manager outlives an application restarted in the same JVM, as in tests). */
    static synchronized void uninstall() {
        if (installed) {
            CATEGORY.removeHandler(INSTANCE);
            installed = false;
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (attempts.isEmpty() || record.getThrown() == null || record.getLevel().intValue() < Level.SEVERE.intValue()) {
            return;
        }
        Thread thread = Thread.currentThread();
        for (Attempt attempt : attempts) {
            try {
                if (attempt.runsOn(thread)) {
                    attempt.failed(describe(record));
                }
            } catch (RuntimeException e) {
                // a log handler must not fail the driver's logging call; the attempt still ends at its timeout
            }
        }
    }

    /** "message: deepest cause message", e.g. "Failed to establish connection: Server returned error BadUserAccessDenied (0x801f0000)". */
    static String describe(LogRecord record) {
        String message = record.getMessage() == null ? "" : record.getMessage();
        Throwable cause = record.getThrown();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return message.isEmpty() ? detail : message + ": " + detail;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** One connect() of one connection. */
    static final class Attempt implements AutoCloseable {

        private final PlcConnection connection;
        private final AtomicReference<String> driverError = new AtomicReference<>();
        private volatile boolean expired;

        private Attempt(PlcConnection connection) {
            this.connection = connection;
        }

        /** The error the driver logged for this attempt, or null. */
        String driverError() {
            return driverError.get();
        }

        boolean expired() {
            return expired;
        }

        /** The connect timeout passed: close whatever channel the attempt is waiting on. */
        void expire() {
            expired = true;
            closeChannel();
        }

        /**
         * The attempt failed: close its channel if still open. The channel's Netty event loop shuts down with it;
         * PLC4X's close() is not needed for a connection that never connected (and waits 2 s).
         */
        void abandon() {
            closeChannel();
        }

        private void failed(String error) {
            if (driverError.compareAndSet(null, error)) {
                closeChannel();
            }
        }

        private boolean runsOn(Thread thread) {
            Channel channel = channel();
            return channel != null && channel.eventLoop().inEventLoop(thread);
        }

        private void closeChannel() {
            Channel channel = channel();
            if (channel != null) {
                channel.close();
            }
        }

        private Channel channel() {
            return connection instanceof ChannelExposingConnection exposing ? exposing.getChannel() : null;
        }

        @Override
        public void close() {
            INSTANCE.attempts.remove(this);
        }
    }
}
