package net.intercomj.host.js;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Where a GraalJS context's standard output and error go: the host log, one record per line,
 * never the peer's stdout (which belongs to the terminal). Lines longer than
 * {@value #MAX_LINE} bytes are cut, so a contract printing without end cannot fill the memory.
 */
final class JsConsole extends OutputStream {

    /** Longest line kept, in bytes; the rest of a longer line is dropped. */
    static final int MAX_LINE = 8192;

    private final Logger log;
    private final String prefix;
    private final boolean error;
    // Where lines go instead of the log while set: the terminal, during a customCommand.
    private final AtomicReference<Consumer<String>> capture;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean cut;

    private JsConsole(Logger log, String prefix, boolean error, AtomicReference<Consumer<String>> capture) {
        this.log = Objects.requireNonNull(log, "log");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.error = error;
        this.capture = Objects.requireNonNull(capture, "capture");
    }

    /** {@code console.log} and friends: INFO records starting with {@code prefix}. */
    static JsConsole out(Logger log, String prefix) {
        return out(log, prefix, new AtomicReference<>());
    }

    /** {@code console.error} and {@code console.warn}: WARN records starting with {@code prefix}. */
    static JsConsole err(Logger log, String prefix) {
        return err(log, prefix, new AtomicReference<>());
    }

    /** As {@link #out(Logger, String)}, but lines go to {@code capture}'s sink instead while one is set. */
    static JsConsole out(Logger log, String prefix, AtomicReference<Consumer<String>> capture) {
        return new JsConsole(log, prefix, false, capture);
    }

    /** As {@link #err(Logger, String)}, but lines go to {@code capture}'s sink instead while one is set. */
    static JsConsole err(Logger log, String prefix, AtomicReference<Consumer<String>> capture) {
        return new JsConsole(log, prefix, true, capture);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (line.size() < MAX_LINE) {
            line.write(b);
        } else {
            cut = true;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // Lines are logged whole, when their newline comes.
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (cut) {
            text += " …";
        }
        line.reset();
        cut = false;
        Consumer<String> sink = capture.get();
        if (sink != null) {
            sink.accept(text);
        } else if (error) {
            log.warn("{}{}", prefix, text);
        } else {
            log.info("{}{}", prefix, text);
        }
    }
}
