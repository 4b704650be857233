package net.intercomj.host.js;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
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
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean cut;

    private JsConsole(Logger log, String prefix, boolean error) {
        this.log = Objects.requireNonNull(log, "log");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.error = error;
    }

    /** {@code console.log} and friends: INFO records starting with {@code prefix}. */
    static JsConsole out(Logger log, String prefix) {
        return new JsConsole(log, prefix, false);
    }

    /** {@code console.error} and {@code console.warn}: WARN records starting with {@code prefix}. */
    static JsConsole err(Logger log, String prefix) {
        return new JsConsole(log, prefix, true);
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
        if (error) {
            log.warn("{}{}", prefix, text);
        } else {
            log.info("{}{}", prefix, text);
        }
    }
}
