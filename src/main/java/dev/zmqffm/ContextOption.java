package dev.zmqffm;

import java.util.Objects;

/**
 * A typed context option, in the style of {@link java.net.SocketOption}. The constants are in
 * {@link ContextOptions}.
 *
 * <pre>{@code
 * try (Context ctx = Context.create()) {
 *     ctx.set(ContextOptions.IO_THREADS, 2);             // before the first socket
 *     int limit = ctx.get(ContextOptions.SOCKET_LIMIT);  // read-only
 * }
 * }</pre>
 *
 * <p>Some options can only be written and some only read (libzmq even gives the number 3 to both
 * the read-only {@code ZMQ_SOCKET_LIMIT} and the write-only {@code ZMQ_THREAD_PRIORITY}); using
 * one the wrong way throws {@link UnsupportedOperationException} before libzmq sees it.
 *
 * @param <T> the option's Java type
 */
public final class ContextOption<T> {
    private final String name;
    private final int id;
    private final Class<T> type;
    private final boolean readable;
    private final boolean writable;

    ContextOption(String name, int id, Class<T> type, boolean readable, boolean writable) {
        this.name = name;
        this.id = id;
        this.type = type;
        this.readable = readable;
        this.writable = writable;
    }

    /** The option's name without the {@code ZMQ_} prefix, e.g. {@code IO_THREADS}. */
    public String name() {
        return name;
    }

    /** The Java type of the option's value. */
    public Class<T> type() {
        return type;
    }

    /** Whether {@link Context#get} accepts this option. */
    public boolean isReadable() {
        return readable;
    }

    /** Whether {@link Context#set} accepts this option. */
    public boolean isWritable() {
        return writable;
    }

    int id() {
        return id;
    }

    /** The value as libzmq's int, checked first for values libzmq would accept and later abort on. */
    int encode(T value) {
        Objects.requireNonNull(value, name);
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        int raw = (Integer) value;
        ThreadOptions.checkValue(this, raw);
        return raw;
    }

    T decode(int raw) {
        return type.cast(type == Boolean.class ? Boolean.valueOf(raw != 0) : Integer.valueOf(raw));
    }

    void checkReadable() {
        if (!readable) {
            throw new UnsupportedOperationException("context option " + name + " is write-only");
        }
    }

    void checkWritable() {
        if (!writable) {
            throw new UnsupportedOperationException("context option " + name + " is read-only");
        }
    }

    @Override
    public String toString() {
        return "ZMQ_" + name;
    }
}
