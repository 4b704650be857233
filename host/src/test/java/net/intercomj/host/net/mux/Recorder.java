package net.intercomj.host.net.mux;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler that records what it is told; optionally blocks on each message until released. */
final class Recorder implements ChannelHandler<TestMessages> {

    final List<TestMessages> messages = new CopyOnWriteArrayList<>();
    final List<CloseReason> closes = new CopyOnWriteArrayList<>();
    final AtomicInteger opens = new AtomicInteger();
    final CountDownLatch gate;
    volatile Channel<TestMessages> channel;

    Recorder() {
        this(new CountDownLatch(0));
    }

    Recorder(CountDownLatch gate) {
        this.gate = gate;
    }

    @Override
    public void onOpen(Channel<TestMessages> channel) {
        this.channel = channel;
        opens.incrementAndGet();
    }

    @Override
    public void onMessage(Channel<TestMessages> channel, TestMessages message) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        messages.add(message);
    }

    @Override
    public void onClose(Channel<TestMessages> channel, CloseReason reason) {
        closes.add(reason);
    }
}
