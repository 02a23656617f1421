package dev.zmqffm;

import dev.zmqffm.internal.Posix;
import java.util.function.IntSupplier;

/**
 * Per-socket-type checks on option values and binds that libzmq 4.3.4 accepts and later aborts
 * or crashes on. Each check runs before the native call; {@link Socket} calls one method per
 * operation.
 *
 * <pre>{@code
 * SocketChecks.beforeSet(type, option, value);        // in Socket.set
 * SocketChecks.beforeBind(endpoint, useFd);           // in Socket.bind
 * }</pre>
 *
 * <p><b>Subscriptions.</b> libzmq keeps SUB/XSUB subscriptions in a trie whose insert, remove and
 * walk recurse once per byte of the prefix, on the thread that calls into the socket. Measured
 * here: about 82 bytes of native stack per byte of prefix, a 1 MiB Java thread stack dies at
 * ~12,700 bytes, the smallest Java stack at ~1,400. The JVM guarantees native code only its
 * shadow zone (about 80 KiB on Linux x64), so prefixes are limited to
 * {@link #MAX_SUBSCRIPTION} bytes, half of that. A remote subscriber sends its prefixes to a
 * PUB/XPUB, and an XPUB hands them to the application — typically a proxy that subscribes an
 * XSUB with them: a remote peer could crash that process. PUB and XPUB sockets therefore get
 * {@link SocketOptions#MAXMSGSIZE} {@link #MAX_SUBSCRIPTION}{@code  + 1} (a subscription message
 * is one command byte and the prefix), and refuse a larger one: libzmq disconnects a peer that
 * sends more.
 *
 * <p><b>USE_FD.</b> libzmq takes the descriptor on trust: one that is not a listening stream
 * socket of the endpoint's family makes {@code bind} or the first accept abort (epoll and
 * accept assert). The descriptor is checked when set and again at bind.
 */
final class SocketChecks {
    private SocketChecks() {}

    /** Longest subscription prefix accepted, in bytes (see the class comment for why). */
    static final int MAX_SUBSCRIPTION = 512;

    /** {@link SocketOptions#MAXMSGSIZE} given to PUB and XPUB sockets, and their largest allowed. */
    static final long PUBLISHER_MAX_MESSAGE = MAX_SUBSCRIPTION + 1;

    /** Checks a value before {@code zmq_setsockopt}. */
    static void beforeSet(SocketType type, SocketOption<?> option, Object value) {
        if (option == SocketOptions.SUBSCRIBE || option == SocketOptions.UNSUBSCRIBE) {
            int length = ((byte[]) value).length;
            if (length > MAX_SUBSCRIPTION) {
                throw new IllegalArgumentException("subscription prefix of " + length + " bytes: at most "
                        + MAX_SUBSCRIPTION + " (libzmq recurses once per byte and would overflow the thread's stack)");
            }
        } else if (option == SocketOptions.MAXMSGSIZE && isPublisher(type)) {
            long size = (Long) value;
            if (size < 0 || size > PUBLISHER_MAX_MESSAGE) {
                throw new IllegalArgumentException("MAXMSGSIZE of a " + type + " socket must be from 0 to "
                        + PUBLISHER_MAX_MESSAGE + ", not " + size + ": a remote subscriber's longer subscription "
                        + "could crash this process (see Socket#subscribe)");
            }
        } else if (option == SocketOptions.USE_FD) {
            int fd = (Integer) value;
            if (fd != -1) {
                checkListening(fd, "USE_FD");
            }
        }
    }

    /**
     * Before {@code zmq_bind}: a USE_FD descriptor must still be a listening socket, of the
     * endpoint's family. {@code useFd} reads the socket's current USE_FD; it is only called for
     * the transports that use it (tcp, ipc).
     */
    static void beforeBind(String endpoint, IntSupplier useFd) {
        boolean tcp = endpoint.startsWith("tcp://");
        if (!tcp && !endpoint.startsWith("ipc://")) {
            return;
        }
        int fd = useFd.getAsInt();
        if (fd == -1) {
            return;
        }
        checkListening(fd, "USE_FD at bind(" + endpoint + ")");
        int family = Posix.socketOption(fd, Posix.SO_DOMAIN);
        boolean matches = tcp ? family == Posix.AF_INET || family == Posix.AF_INET6 : family == Posix.AF_UNIX;
        if (!matches) {
            throw new IllegalArgumentException("USE_FD descriptor " + fd + " is a socket of address family " + family
                    + ", not one " + (tcp ? "tcp" : "ipc") + ":// can use (libzmq would abort on the first connection)");
        }
    }

    /** Called on every new socket: the defaults that keep it safe. */
    static void onCreate(Socket socket) {
        if (isPublisher(socket.type())) {
            socket.set(SocketOptions.MAXMSGSIZE, PUBLISHER_MAX_MESSAGE);
        }
    }

    private static boolean isPublisher(SocketType type) {
        return type == SocketType.PUB || type == SocketType.XPUB;
    }

    private static void checkListening(int fd, String what) {
        if (!Posix.LINUX) {
            throw new UnsupportedOperationException(what + ": pre-bound descriptors are only supported on Linux, "
                    + "where they can be checked (libzmq aborts on one that is not a listening socket)");
        }
        int listening = Posix.socketOption(fd, Posix.SO_ACCEPTCONN);
        if (listening == -Posix.EBADF) {
            throw new IllegalArgumentException(what + ": descriptor " + fd + " is not open");
        }
        if (listening == -Posix.ENOTSOCK) {
            throw new IllegalArgumentException(what + ": descriptor " + fd + " is not a socket");
        }
        if (listening < 0) {
            throw new IllegalArgumentException(what + ": descriptor " + fd + " cannot be checked (errno " + -listening + ")");
        }
        if (listening != 1 || Posix.socketOption(fd, Posix.SO_TYPE) != Posix.SOCK_STREAM) {
            throw new IllegalArgumentException(what + ": descriptor " + fd + " is not a listening stream socket "
                    + "(call listen() first; libzmq would abort the process)");
        }
    }
}
