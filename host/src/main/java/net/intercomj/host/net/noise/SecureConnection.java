package net.intercomj.host.net.noise;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import net.intercomj.host.net.Bytes32;
import net.intercomj.host.net.mux.MuxTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An encrypted, authenticated TCP connection: a Noise XX handshake whose payloads prove both
 * wallets (see {@link NoiseIdentity}), then a byte stream cut into Noise transport records.
 *
 * <p>On the wire every handshake message and every record is {@code u16 length (big-endian) |
 * bytes}; a record is at most 65535 bytes (the Noise limit), so at most 65519 bytes of
 * plaintext, and at least its 16-byte tag. An empty record is a keep-alive, sent when nothing
 * else was for {@code keepAlive}; a connection that receives nothing for {@code idleTimeout}
 * fails. Memory per connection is two record buffers, whatever the peer sends.
 */
public final class SecureConnection implements MuxTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SecureConnection.class);

    /** The largest Noise message. */
    static final int MAX_RECORD = 65535;
    static final int MAX_PLAINTEXT = MAX_RECORD - CipherState.TAG_LENGTH;

    /** Keep-alive and idle timing of a connection. */
    public record Timing(Duration handshakeTimeout, Duration keepAlive, Duration idleTimeout) {
        /** 10 s to shake hands, a keep-alive after 5 s of silence, dead after 20 s without a record. */
        public static final Timing DEFAULTS =
                new Timing(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(20));

        public Timing {
            if (!keepAlive.isPositive() || idleTimeout.compareTo(keepAlive) <= 0 || !handshakeTimeout.isPositive()) {
                throw new IllegalArgumentException("Keep-alive must be positive and shorter than the idle timeout");
            }
        }
    }

    private final Socket socket;
    private final boolean initiator;
    private final Bytes32 remotePublicKey;
    private final byte[] handshakeHash;
    private final RecordInput input;
    private final RecordOutput output;
    private final String description;
    private final CountDownLatch closed = new CountDownLatch(1);

    private SecureConnection(Socket socket, boolean initiator, Bytes32 remotePublicKey, HandshakeState.Result keys,
            Timing timing) throws IOException {
        this.socket = socket;
        this.initiator = initiator;
        this.remotePublicKey = remotePublicKey;
        this.handshakeHash = keys.handshakeHash();
        this.description = remotePublicKey.shortHex() + "@" + socket.getRemoteSocketAddress();
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timing.idleTimeout().toMillis()));
        this.input = new RecordInput(socket.getInputStream(), keys.receive());
        this.output = new RecordOutput(socket.getOutputStream(), keys.send());
        Thread.ofVirtual().name("noise-keepalive " + description).start(() -> keepAlive(timing.keepAlive()));
    }

    /** Dials: runs the handshake as initiator on a connected socket. */
    public static SecureConnection initiate(Socket socket, NoiseIdentity identity, byte[] prologue, Timing timing)
            throws IOException {
        return handshake(socket, identity, prologue, timing, true);
    }

    /** Answers: runs the handshake as responder on an accepted socket. */
    public static SecureConnection respond(Socket socket, NoiseIdentity identity, byte[] prologue, Timing timing)
            throws IOException {
        return handshake(socket, identity, prologue, timing, false);
    }

    private static SecureConnection handshake(Socket socket, NoiseIdentity identity, byte[] prologue, Timing timing,
            boolean initiator) throws IOException {
        long deadline = System.nanoTime() + timing.handshakeTimeout().toNanos();
        Bytes32[] remote = new Bytes32[1];
        HandshakeState state = new HandshakeState(initiator, prologue, identity.staticKey(),
                X25519KeyPair.generate(new java.security.SecureRandom()), new HandshakeState.PayloadHook() {
                    @Override
                    public byte[] write(int index, byte[] hash) {
                        return index == 1 ? new byte[0] : identity.prove(initiator, hash);
                    }

                    @Override
                    public void read(int index, byte[] payload, byte[] hash) throws NoiseException {
                        if (index == 1) {
                            if (payload.length != 0) {
                                throw new NoiseException("unexpected payload in the first handshake message");
                            }
                            return;
                        }
                        remote[0] = NoiseIdentity.verify(payload, !initiator, hash);
                    }
                });
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!state.isComplete()) {
                if (state.writesNext()) {
                    byte[] message = state.writeMessage();
                    byte[] framed = new byte[2 + message.length];
                    framed[0] = (byte) (message.length >>> 8);
                    framed[1] = (byte) message.length;
                    System.arraycopy(message, 0, framed, 2, message.length);
                    out.write(framed);
                    out.flush();
                } else {
                    state.readMessage(readHandshakeMessage(socket, in, deadline));
                }
            }
            return new SecureConnection(socket, initiator, remote[0], state.result(), timing);
        } catch (IOException e) {
            closeQuietly(socket);
            throw e instanceof NoiseException ? e : new NoiseException("handshake with "
                    + socket.getRemoteSocketAddress() + " failed: " + describe(e), e);
        }
    }

    private static byte[] readHandshakeMessage(Socket socket, InputStream in, long deadline) throws IOException {
        byte[] header = readFully(socket, in, 2, deadline);
        int length = ((header[0] & 0xff) << 8) | (header[1] & 0xff);
        // XX messages are 32, 32+48+payload and 48+payload bytes; payloads are at most a proof.
        if (length < 32 || length > 32 + 48 + NoiseIdentity.PROOF_LENGTH + CipherState.TAG_LENGTH) {
            throw new NoiseException("handshake message of " + length + " bytes: not a Noise XX message");
        }
        return readFully(socket, in, length, deadline);
    }

    /** Reads exactly {@code length} bytes before {@code deadline}, whatever pace the peer keeps. */
    private static byte[] readFully(Socket socket, InputStream in, int length, long deadline) throws IOException {
        byte[] out = new byte[length];
        int read = 0;
        while (read < length) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new NoiseException("handshake timed out");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int n;
            try {
                n = in.read(out, read, length - read);
            } catch (SocketTimeoutException e) {
                throw new NoiseException("handshake timed out");
            }
            if (n < 0) {
                throw new NoiseException("the peer closed the connection during the handshake");
            }
            read += n;
        }
        return out;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    /** The other peer's wallet key, proven in the handshake. */
    public Bytes32 remotePublicKey() {
        return remotePublicKey;
    }

    /** The final handshake hash, the same on both ends and unique to this connection. */
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    public boolean isInitiator() {
        return initiator;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Sends what is buffered and ends our direction; the peer reads to the end. */
    @Override
    public void shutdownOutput() throws IOException {
        output.flush();
        if (!socket.isClosed()) {
            socket.shutdownOutput();
        }
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        try {
            output.flush();
        } catch (IOException e) {
            LOG.trace("Flush on close failed", e);
        }
        closeQuietly(socket);
    }

    /** Records received so far, keep-alives included. */
    long recordsReceived() {
        return input.records;
    }

    private void keepAlive(Duration interval) {
        long intervalNanos = interval.toNanos();
        try {
            while (!closed.await(Math.max(1, intervalNanos / 2), TimeUnit.NANOSECONDS)) {
                if (System.nanoTime() - output.lastSentNanos() >= intervalNanos) {
                    output.sendKeepAlive();
                }
            }
        } catch (IOException e) {
            LOG.debug("Keep-alive to {} failed: {}", description, e.getMessage());
            closeQuietly(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.trace("Close failed", e);
        }
    }

    /** Decrypted bytes of incoming records. Used by one reading thread. */
    private static final class RecordInput extends InputStream {
        private final InputStream in;
        private final CipherState cipher;
        private final byte[] record = new byte[MAX_RECORD];
        private final byte[] plain = new byte[MAX_RECORD];
        private int position;
        private int limit;
        private boolean ended;
        private volatile long records;

        RecordInput(InputStream in, CipherState cipher) {
            this.in = in;
            this.cipher = cipher;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return plain[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, limit - position);
            System.arraycopy(plain, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return limit - position;
        }

        /** Reads records until one has data; false at a clean end between records. */
        private boolean fill() throws IOException {
            while (position == limit) {
                if (ended) {
                    return false;
                }
                int first;
                try {
                    first = in.read();
                } catch (SocketTimeoutException e) {
                    throw new IOException("idle timeout: nothing received, not even a keep-alive");
                }
                if (first < 0) {
                    ended = true;
                    return false;
                }
                int second = in.read();
                if (second < 0) {
                    throw new EOFException("stream ended inside a record header");
                }
                int length = (first << 8) | second;
                if (length < CipherState.TAG_LENGTH) {
                    throw new NoiseException("record of " + length + " bytes is shorter than its tag");
                }
                if (in.readNBytes(record, 0, length) < length) {
                    throw new EOFException("stream ended inside a record");
                }
                limit = cipher.decryptInto(record, 0, length, plain);
                position = 0;
                records++;
            }
            return true;
        }
    }

    /** Buffers plaintext and seals it into records. Shared by the writer and the keep-alive. */
    private static final class RecordOutput extends OutputStream {
        private final OutputStream out;
        private final CipherState cipher;
        private final ReentrantLock lock = new ReentrantLock();
        private final byte[] pending = new byte[MAX_PLAINTEXT];
        private final byte[] sealed = new byte[2 + MAX_RECORD];
        private int size;
        private volatile long lastSentNanos = System.nanoTime();

        RecordOutput(OutputStream out, CipherState cipher) {
            this.out = out;
            this.cipher = cipher;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            lock.lock();
            try {
                while (length > 0) {
                    int count = Math.min(length, pending.length - size);
                    System.arraycopy(buffer, offset, pending, size, count);
                    size += count;
                    offset += count;
                    length -= count;
                    if (size == pending.length) {
                        seal();
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void flush() throws IOException {
            lock.lock();
            try {
                if (size > 0) {
                    seal();
                }
                out.flush();
            } finally {
                lock.unlock();
            }
        }

        void sendKeepAlive() throws IOException {
            lock.lock();
            try {
                if (size == 0) {
                    seal();
                    out.flush();
                }
            } finally {
                lock.unlock();
            }
        }

        long lastSentNanos() {
            return lastSentNanos;
        }

        /** Encrypts what is pending (possibly nothing: a keep-alive) into one record and writes it. */
        private void seal() throws IOException {
            int length = cipher.encryptInto(pending, 0, size, sealed, 2);
            sealed[0] = (byte) (length >>> 8);
            sealed[1] = (byte) length;
            out.write(sealed, 0, 2 + length);
            size = 0;
            lastSentNanos = System.nanoTime();
        }
    }
}
