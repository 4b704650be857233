package net.intercomj.host.net.mux;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The ordered, reliable byte stream a mux runs on: in production an encrypted connection, in
 * tests a plain socket. The mux reads from one thread and writes from another, and calls
 * {@code flush} whenever it has nothing more queued, so a buffering output coalesces small
 * messages into few writes.
 */
public interface MuxTransport extends Closeable {

    InputStream input();

    OutputStream output();

    /** Who is at the other end, for log lines. */
    String describe();

    /**
     * Ends the output after what was written (flushing it), keeping the input open, so the
     * other side reads everything and then the end of the stream. Closes the transport where
     * there is no half-close.
     */
    default void shutdownOutput() throws IOException {
        close();
    }

    /** A plain socket, buffered both ways. */
    static MuxTransport of(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 << 10);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 << 10);
        String who = String.valueOf(socket.getRemoteSocketAddress());
        return new MuxTransport() {
            @Override
            public InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public String describe() {
                return who;
            }

            @Override
            public void shutdownOutput() throws IOException {
                out.flush();
                socket.shutdownOutput();
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }
}
