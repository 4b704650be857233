package net.intercomj.host.net.mux;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import net.intercomj.host.net.wire.WireWriter;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frame bodies waiting to be written on one connection, bounded in bytes. Senders of messages
 * wait (or give up, with {@code trySend}) while it is full; control frames always go in,
 * because they are small and are sent by the reading thread, which must never wait for the
 * other side to read (both sides would stop). One writer thread drains it and flushes the
 * transport whenever the queue runs empty, which coalesces bursts of small messages.
 */
final class Outbound {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final long capacity;
    private long queuedBytes;
    private boolean closed;
    private long bytesOut;
    private long framesOut;
    /** When the writer started its current write, or 0 while it is not writing. */
    private volatile long writingSinceNanos;

    Outbound(long capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues a message frame if {@code sendable} still holds once there is room, waiting
     * while full (or, unless {@code wait}, giving up). The test runs under the queue's lock,
     * and {@link #putControl} changes what it reads under the same lock, so no message of a
     * channel can be queued after that channel's close frame.
     *
     * @return false if not queued: full (without waiting), closed, or no longer sendable
     */
    boolean put(byte[] frame, BooleanSupplier sendable, boolean wait) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && queuedBytes > 0 && queuedBytes + frame.length > capacity) {
                if (!wait) {
                    return false;
                }
                notFull.await();
            }
            return sendable.getAsBoolean() && enqueue(frame);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code change} and queues a control frame, atomically with respect to
     * {@link #put}; never waits for room. False if the queue closed (the change still ran).
     */
    boolean putControl(byte[] frame, Runnable change) {
        lock.lock();
        try {
            change.run();
            return enqueue(frame);
        } finally {
            lock.unlock();
        }
    }

    private boolean enqueue(byte[] frame) {
        if (closed) {
            return false;
        }
        frames.add(frame);
        queuedBytes += frame.length;
        notEmpty.signal();
        return true;
    }

    /** Runs {@code change} atomically with respect to {@link #put}, queueing nothing. */
    void atomically(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes frames, each as {@code uvarint length | body}, until closed; returns normally
     * only when closed and drained.
     */
    void drainTo(OutputStream out) throws IOException, InterruptedException {
        byte[] prefix = new byte[5];
        while (true) {
            byte[] frame;
            boolean last;
            lock.lock();
            try {
                while (frames.isEmpty() && !closed) {
                    notEmpty.await();
                }
                frame = frames.poll();
                if (frame == null) {
                    return;
                }
                queuedBytes -= frame.length;
                notFull.signalAll();
                last = frames.isEmpty();
                bytesOut += WireWriter.uvarintSize(frame.length) + frame.length;
                framesOut++;
            } finally {
                lock.unlock();
            }
            writingSinceNanos = System.nanoTime() | 1;
            out.write(prefix, 0, lengthPrefix(frame.length, prefix));
            out.write(frame);
            if (last) {
                out.flush();
            }
            writingSinceNanos = 0;
        }
    }

    private static int lengthPrefix(int length, byte[] out) {
        int size = 0;
        while ((length & ~0x7f) != 0) {
            out[size++] = (byte) ((length & 0x7f) | 0x80);
            length >>>= 7;
        }
        out[size++] = (byte) length;
        return size;
    }

    /** Whether a write has been blocked for longer than {@code timeoutNanos}. */
    boolean stalled(long nowNanos, long timeoutNanos) {
        long since = writingSinceNanos;
        return since != 0 && nowNanos - since > timeoutNanos;
    }

    /** Lets queued frames drain, refuses new ones, and wakes every waiter. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is queued: the connection is gone. */
    void abandon() {
        lock.lock();
        try {
            closed = true;
            frames.clear();
            queuedBytes = 0;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long bytesOut() {
        lock.lock();
        try {
            return bytesOut;
        } finally {
            lock.unlock();
        }
    }

    long framesOut() {
        lock.lock();
        try {
            return framesOut;
        } finally {
            lock.unlock();
        }
    }
}
