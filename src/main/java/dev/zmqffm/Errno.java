package dev.zmqffm;

import dev.zmqffm.internal.Platform;

/**
 * The error numbers libzmq reports, as a type rather than a platform-dependent {@code int}.
 *
 * {@snippet class=dev.zmqffm.snippets.ErrorSnippets region=errno}
 *
 * <p>The table is hand-written on purpose: most values come from the operating system
 * ({@code EAGAIN} is 11 on Linux and 35 on macOS), so numbers baked in from the build host would
 * be wrong elsewhere. libzmq's own errors ({@link #EFSM}, {@link #ENOCOMPATPROTO}, {@link #ETERM},
 * {@link #EMTHREAD}) are offsets from libzmq's base of 156384712 on every platform.
 */
public enum Errno {
    /** Operation not permitted. */
    EPERM(1, 1),
    /** No such file or directory (for example an {@code ipc://} path). */
    ENOENT(2, 2),
    /**
     * Interrupted: a signal's EINTR is retried by the binding and never thrown; a
     * {@link Thread#interrupt()} ends a wait with {@link OperationInterruptedException}, which
     * carries this code.
     */
    EINTR(4, 4),
    /** Input/output error. */
    EIO(5, 5),
    /** Bad file descriptor. */
    EBADF(9, 9),
    /** Resource temporarily unavailable: the "would block" result, never thrown by this binding. */
    EAGAIN(11, 35),
    /** Out of memory. */
    ENOMEM(12, 12),
    /** Permission denied. */
    EACCES(13, 13),
    /** Bad address. */
    EFAULT(14, 14),
    /** No such device (for example an unknown network interface). */
    ENODEV(19, 19),
    /** Invalid argument. */
    EINVAL(22, 22),
    /** Too many open files. */
    EMFILE(24, 24),
    /** No space left on device. */
    ENOSPC(28, 28),
    /** File name too long (for example an {@code ipc://} path). */
    ENAMETOOLONG(36, 63),
    /** Not a socket. */
    ENOTSOCK(88, 38),
    /** Message too long. */
    EMSGSIZE(90, 40),
    /** Transport protocol not supported. */
    EPROTONOSUPPORT(93, 43),
    /** Operation not supported (by this socket type or this libzmq build). */
    ENOTSUP(95, 45),
    /** Address family not supported. */
    EAFNOSUPPORT(97, 47),
    /** Address already in use. */
    EADDRINUSE(98, 48),
    /** Cannot assign the requested address (no such local interface). */
    EADDRNOTAVAIL(99, 49),
    /** Network is down. */
    ENETDOWN(100, 50),
    /** Network is unreachable. */
    ENETUNREACH(101, 51),
    /** Connection reset by the network. */
    ENETRESET(102, 52),
    /** Connection aborted. */
    ECONNABORTED(103, 53),
    /** Connection reset by peer. */
    ECONNRESET(104, 54),
    /** No buffer space available. */
    ENOBUFS(105, 55),
    /** Not connected. */
    ENOTCONN(107, 57),
    /** Timed out. */
    ETIMEDOUT(110, 60),
    /** Connection refused. */
    ECONNREFUSED(111, 61),
    /** No route to the peer (a ROUTER with {@code ROUTER_MANDATORY} and an unknown routing id). */
    EHOSTUNREACH(113, 65),
    /** Operation now in progress. */
    EINPROGRESS(115, 36),
    /** The operation is not valid in the socket's current state (e.g. two sends on REQ). */
    EFSM(Base.HAUSNUMERO + 51, Base.HAUSNUMERO + 51),
    /** The transport protocol is not compatible with the socket type. */
    ENOCOMPATPROTO(Base.HAUSNUMERO + 52, Base.HAUSNUMERO + 52),
    /** The context was shut down or terminated. */
    ETERM(Base.HAUSNUMERO + 53, Base.HAUSNUMERO + 53),
    /** No I/O thread is available for the operation. */
    EMTHREAD(Base.HAUSNUMERO + 54, Base.HAUSNUMERO + 54),
    /** A code this table does not know; {@link ZmqException#code()} has the raw number. */
    UNKNOWN(-1, -1);

    private static final class Base {
        static final int HAUSNUMERO = 156384712;
        static final boolean MAC = Platform.current() == Platform.MACOS;
    }

    private final int code;

    Errno(int linux, int macos) {
        this.code = Base.MAC ? macos : linux;
    }

    /** {@return this error's number on the running platform ({@code -1} for {@link #UNKNOWN})} */
    public int code() {
        return code;
    }

    /**
     * {@return the constant for a platform error number, or {@link #UNKNOWN}}
     *
     * @param code an {@code errno} value of the running platform
     */
    public static Errno of(int code) {
        for (Errno e : values()) {
            if (e.code == code && e != UNKNOWN) {
                return e;
            }
        }
        return UNKNOWN;
    }
}
