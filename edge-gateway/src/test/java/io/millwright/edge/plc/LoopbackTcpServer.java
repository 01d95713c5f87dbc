package io.millwright.edge.plc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The TCP side of the PLC test servers: listens on 127.0.0.1, one thread per client connection. {@link #stop()}
 * closes the listener and every client connection, like a PLC that lost power; {@link #start()} brings it back on
 * the same port (what the PLC holds lives in the subclass and survives).
 */
abstract class LoopbackTcpServer implements AutoCloseable {

    private final String protocol;
    private final int port;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    LoopbackTcpServer(String protocol, int port) {
        this.protocol = protocol;
        this.port = port;
    }

    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (listener != null) {
            return;
        }
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + protocol + " port " + port, e);
        }
        listener = socket;
        Thread acceptor = new Thread(() -> acceptLoop(socket), protocol + "-test-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public synchronized void stop() {
        ServerSocket socket = listener;
        listener = null;
        closeQuietly(socket);
        for (Socket client : clients) {
            closeQuietly(client);
        }
        clients.clear();
    }

    public boolean isRunning() {
        return listener != null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Talks to one client until it goes away or the server stops (then the socket's streams throw). */
    protected abstract void serve(Socket client) throws IOException;

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
                client.setTcpNoDelay(true);
            } catch (IOException closed) {
                return;
            }
            clients.add(client);
            Thread handler = new Thread(() -> serveUntilClosed(client), protocol + "-test-client-" + client.getPort());
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serveUntilClosed(Socket client) {
        try (client) {
            serve(client);
        } catch (IOException disconnected) {
            // the client went away, sent something the PLC would not accept, or the server was stopped
        } finally {
            clients.remove(client);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
