package dev.zmqffm;

import java.util.Objects;

/**
 * A typed context option, in the style of {@link java.net.SocketOption}. The constants are in
 * {@link ContextOptions}.
 *
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=context-option}
 *
 * <p>Some options can only be written and some only read (libzmq even gives the number 3 to both
 * the read-only {@code ZMQ_SOCKET_LIMIT} and the write-only {@code ZMQ_THREAD_PRIORITY}); using
 * one the wrong way throws {@link UnsupportedOperationException} before libzmq sees it.
 *
 * <p>An option zmq-ffm has no constant for can be used by its number through
 * {@link #unchecked(int, Class)}: the caller chooses the type, and nothing checks the direction.
 *
 * @param <T> the option's Java type
 */
public final class ContextOption<T> {
    private final String name;
    private final int id;
    private final Class<T> type;
    private final boolean readable;
    private final boolean writable;
    private final boolean unchecked;

    ContextOption(String name, int id, Class<T> type, boolean readable, boolean writable) {
        this(name, id, type, readable, writable, false);
    }

    private ContextOption(String name, int id, Class<T> type, boolean readable, boolean writable, boolean unchecked) {
        this.name = name;
        this.id = id;
        this.type = type;
        this.readable = readable;
        this.writable = writable;
        this.unchecked = unchecked;
    }

    /**
     * <b>Unchecked escape hatch:</b> the context option with libzmq's number {@code id}, for one
     * zmq-ffm has no constant for (a newer libzmq's, or a draft build's).
     *
     * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=context-option-unchecked}
     *
     * <p>The option counts as readable and writable (libzmq answers {@link Errno#EINVAL} the
     * wrong way round) and values go to {@code zmq_ctx_set} as they are. A number zmq-ffm knows
     * is refused: use the constant in {@link ContextOptions}, which checks its direction.
     *
     * @param id libzmq's option number
     * @param type {@code Integer} (a C {@code int}) or {@code Boolean} (a C {@code int} 0 or 1)
     * @param <T> the value type
     * @return a new option; {@link #toString()} marks it unchecked
     * @throws IllegalArgumentException if {@code id} is an option of {@link ContextOptions}, or
     *         {@code type} is neither {@code Integer} nor {@code Boolean}
     */
    public static <T> ContextOption<T> unchecked(int id, Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type != Integer.class && type != Boolean.class) {
            throw new IllegalArgumentException("an unchecked context option is an Integer or a Boolean, not "
                    + type.getName());
        }
        String known = ContextOptions.nameOf(id);
        if (known != null) {
            throw new IllegalArgumentException("context option " + id + " is ContextOptions." + known
                    + ": use that constant");
        }
        return new ContextOption<>("option " + id + " (unchecked)", id, type, true, true, true);
    }

    /** {@return whether this option was made by {@link #unchecked(int, Class)}} */
    public boolean isUnchecked() {
        return unchecked;
    }

    /**
     * {@return the option's name without the {@code ZMQ_} prefix, e.g. {@code IO_THREADS}; for an
     * {@linkplain #unchecked(int, Class) unchecked} option, {@code option 10 (unchecked)}}
     */
    public String name() {
        return name;
    }

    /** {@return the Java type of the option's value} */
    public Class<T> type() {
        return type;
    }

    /** {@return whether {@link Context#get} accepts this option} */
    public boolean isReadable() {
        return readable;
    }

    /** {@return whether {@link Context#set} accepts this option} */
    public boolean isWritable() {
        return writable;
    }

    int id() {
        return id;
    }

    /**
     * Whether {@code zmq_ctx_get}'s answer means failure: -1, except for
     * {@link ContextOptions#THREAD_SCHED_POLICY}, whose default ("the OS's policy") is -1.
     * (errno cannot tell: libzmq leaves it alone on success.)
     */
    boolean failed(int raw) {
        return raw == -1 && this != ContextOptions.THREAD_SCHED_POLICY;
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

    /** {@code ZMQ_IO_THREADS}, or for an unchecked option {@code option 10 (unchecked)}. */
    @Override
    public String toString() {
        return unchecked ? name : "ZMQ_" + name;
    }
}
