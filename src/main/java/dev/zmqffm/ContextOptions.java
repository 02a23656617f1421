package dev.zmqffm;

import dev.zmqffm.internal.LayoutCheck;
import dev.zmqffm.internal.raw.zmq_h;

/**
 * The stable context options of libzmq 4.3 ({@code zmq_ctx_set}/{@code zmq_ctx_get}).
 *
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=context-options}
 *
 * <p>Thread options ({@link #IO_THREADS}, {@link #THREAD_PRIORITY}, …) only take effect when set
 * before the context's first socket is created.
 *
 * <p><b>Checked thread options.</b> libzmq stores any non-negative scheduling policy, priority or
 * CPU, and applies them only when the first socket starts its threads — where it aborts the
 * process if the system refuses them. Here {@link Context#set} refuses values that cannot work
 * ({@link IllegalArgumentException}: a policy this system does not have, a priority outside
 * 0–99, a CPU this process may not run on, more than 1024 I/O threads), and the first
 * {@link Context#socket} applies the combination on a short-lived thread exactly as libzmq will,
 * throwing {@link ZmqException} with the failing step's errno instead of starting (e.g.
 * {@code SCHED_FIFO} without a priority is EINVAL, any priority without {@code CAP_SYS_NICE} is
 * EPERM). The scheduling and affinity options are Linux-only
 * ({@link UnsupportedOperationException} elsewhere).
 */
public final class ContextOptions {
    private ContextOptions() {}

    static {
        // Before the first generated constant is read: on a platform the generated layer does
        // not fit, its class initialisation would fail with a ClassCastException.
        LayoutCheck.require();
    }

    /** Number of I/O threads (default 1; 0 to 1024). */
    public static final ContextOption<Integer> IO_THREADS =
            new ContextOption<>("IO_THREADS", zmq_h.ZMQ_IO_THREADS(), Integer.class, true, true);
    /**
     * Maximum number of sockets (default 1023; at most {@link #SOCKET_LIMIT}, 65535 — libzmq
     * accepts more and dies of {@code std::length_error} when the first socket sizes its table).
     */
    public static final ContextOption<Integer> MAX_SOCKETS =
            new ContextOption<>("MAX_SOCKETS", zmq_h.ZMQ_MAX_SOCKETS(), Integer.class, true, true);
    /** The largest value {@link #MAX_SOCKETS} accepts (read-only). */
    public static final ContextOption<Integer> SOCKET_LIMIT =
            new ContextOption<>("SOCKET_LIMIT", zmq_h.ZMQ_SOCKET_LIMIT(), Integer.class, true, false);
    /** Scheduling priority of the I/O threads (write-only; a value for the policy, 0 or more). */
    public static final ContextOption<Integer> THREAD_PRIORITY =
            new ContextOption<>("THREAD_PRIORITY", zmq_h.ZMQ_THREAD_PRIORITY(), Integer.class, false, true);
    /** Scheduling policy of the I/O threads (e.g. 0 = SCHED_OTHER on Linux; -1, the default, leaves the OS's). */
    public static final ContextOption<Integer> THREAD_SCHED_POLICY =
            new ContextOption<>("THREAD_SCHED_POLICY", zmq_h.ZMQ_THREAD_SCHED_POLICY(), Integer.class, true, true);
    /** Largest message size the context accepts (default {@code Integer.MAX_VALUE}). */
    public static final ContextOption<Integer> MAX_MSGSZ =
            new ContextOption<>("MAX_MSGSZ", zmq_h.ZMQ_MAX_MSGSZ(), Integer.class, true, true);
    /** Size of {@code zmq_msg_t} in this libzmq (read-only; 64). */
    public static final ContextOption<Integer> MSG_T_SIZE =
            new ContextOption<>("MSG_T_SIZE", zmq_h.ZMQ_MSG_T_SIZE(), Integer.class, true, false);
    /** Adds a CPU to the I/O threads' affinity set (write-only). */
    public static final ContextOption<Integer> THREAD_AFFINITY_CPU_ADD =
            new ContextOption<>("THREAD_AFFINITY_CPU_ADD", zmq_h.ZMQ_THREAD_AFFINITY_CPU_ADD(), Integer.class, false, true);
    /** Removes a CPU from the I/O threads' affinity set (write-only). */
    public static final ContextOption<Integer> THREAD_AFFINITY_CPU_REMOVE =
            new ContextOption<>("THREAD_AFFINITY_CPU_REMOVE", zmq_h.ZMQ_THREAD_AFFINITY_CPU_REMOVE(), Integer.class, false, true);
    /** Numeric prefix of the I/O threads' names (default 0: none). */
    public static final ContextOption<Integer> THREAD_NAME_PREFIX =
            new ContextOption<>("THREAD_NAME_PREFIX", zmq_h.ZMQ_THREAD_NAME_PREFIX(), Integer.class, true, true);
    /** Whether new sockets use IPv6 (default false). */
    public static final ContextOption<Boolean> IPV6 =
            new ContextOption<>("IPV6", zmq_h.ZMQ_IPV6(), Boolean.class, true, true);
    /**
     * libzmq's own default for {@code zmq_ctx_term} blocking on unsent messages (default true).
     * It matters little here: every socket this binding creates gets a finite linger anyway
     * (see {@link Context#defaultLinger()}).
     */
    public static final ContextOption<Boolean> BLOCKY =
            new ContextOption<>("BLOCKY", zmq_h.ZMQ_BLOCKY(), Boolean.class, true, true);

    /** The constant with libzmq's number {@code id}, or null (for {@link ContextOption#unchecked}). */
    static String nameOf(int id) {
        for (java.lang.reflect.Field f : ContextOptions.class.getDeclaredFields()) {
            if (f.getType() == ContextOption.class) {
                try {
                    ContextOption<?> o = (ContextOption<?>) f.get(null);
                    if (o.id() == id) {
                        return o.name();
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return null;
    }
}
