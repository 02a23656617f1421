package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.Posix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Per-socket-type checks on option values and binds that libzmq 4.3.4 accepts and later aborts
 * or crashes on. Each check runs before the native call; {@link Socket} calls one method per
 * operation.
 *
 * <pre>{@code
 * SocketChecks.beforeSet(type, option, value);        // in Socket.set
 * SocketChecks.bind(engine, endpoint, control);       // in Socket.bind: zmq_bind
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
 * <p><b>SOCKS_PROXY.</b> After a failed SOCKS handshake (proxy down, refusing, or answering
 * anything unexpected) libzmq 4.3.4 keeps the poll handle of the closed descriptor and removes
 * it again when the socket closes: epoll fails with EBADF and libzmq aborts. That cannot be
 * prevented from outside, so any proxy but "" (none) is refused.
 *
 * <p><b>USE_FD.</b> libzmq takes the descriptor on trust: one that is not a listening stream
 * socket of the endpoint's family makes {@code bind} or the first accept abort (epoll and
 * accept assert). The descriptor is checked when set and again at bind, where libzmq gets a
 * duplicate of it.
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
        } else if (option == SocketOptions.SOCKS_PROXY && !((String) value).isEmpty()) {
            throw new UnsupportedOperationException("SOCKS_PROXY is refused: libzmq 4.3.4 aborts the process when a "
                    + "socket closes after any failed SOCKS handshake (socks_connecter.cpp keeps a stale poll handle, "
                    + "epoll.cpp:113) — a proxy that is down or refuses is enough");
        } else if (option == SocketOptions.USE_FD) {
            int fd = (Integer) value;
            if (fd != -1) {
                checkListening(fd, "USE_FD");
            }
        }
    }

    /**
     * Binds through {@code control} ({@code zmq_bind}) with the socket's USE_FD checked and
     * handed over as a duplicate: the descriptor must still be a listening socket of the endpoint's family (tcp:
     * IPv4/IPv6, ipc: Unix), and libzmq gets its own {@code dup} of it, which it closes when the
     * listener ends. libzmq would otherwise close the caller's descriptor — or share one with
     * another listener if the caller passed a descriptor libzmq already listens on, which aborts
     * when the first of them closes it (epoll.cpp:113). The caller keeps and closes its own.
     */
    static void bind(Engine engine, String endpoint, SocketControl control) {
        boolean tcp = endpoint.startsWith("tcp://");
        if (!tcp && !endpoint.startsWith("ipc://")) {
            control.endpoint(endpoint, SocketControl.BIND);
            return;
        }
        int fd = useFd(engine, null);
        if (fd == -1) {
            control.endpoint(endpoint, SocketControl.BIND);
            return;
        }
        checkListening(fd, "USE_FD at bind(" + endpoint + ")");
        int family = Posix.socketOption(fd, Posix.SO_DOMAIN);
        boolean matches = tcp ? family == Posix.AF_INET || family == Posix.AF_INET6 : family == Posix.AF_UNIX;
        if (!matches) {
            throw new IllegalArgumentException("USE_FD descriptor " + fd + " is a socket of address family " + family
                    + ", not one " + (tcp ? "tcp" : "ipc") + ":// can use (libzmq would abort on the first connection)");
        }
        int copy = Posix.dup(fd);
        if (copy < 0) {
            throw new ZmqException("dup(USE_FD " + fd + ")", -copy, "cannot duplicate the descriptor");
        }
        boolean handedOver = false;
        try {
            useFd(engine, copy);
            control.endpoint(endpoint, SocketControl.BIND);
            handedOver = true;
        } finally {
            useFd(engine, fd);                     // reads back as what the caller set
            if (!handedOver) {
                Posix.close(copy);                 // a failed bind never gave it to a listener
            }
        }
    }

    /** Reads ({@code value} null) or writes the socket's USE_FD. */
    private static int useFd(Engine engine, Integer value) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment v = call.allocateFrom(ValueLayout.JAVA_INT, value == null ? 0 : value);
            int rc = value == null
                    ? LibZmq.zmq_getsockopt(engine.capture(), engine.handle(), SocketOptions.USE_FD.id(), v,
                            call.allocateFrom(ValueLayout.JAVA_LONG, Integer.BYTES))
                    : LibZmq.zmq_setsockopt(engine.capture(), engine.handle(), SocketOptions.USE_FD.id(), v, Integer.BYTES);
            if (rc != 0) {
                throw Failures.of("zmq_" + (value == null ? "get" : "set") + "sockopt(ZMQ_USE_FD)", engine.capture());
            }
            return v.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /**
     * Before an XSUB sends a frame: one that starts with 1 or 0 is a subscription or an
     * unsubscription, which goes into the same recursive trie as {@link SocketOptions#SUBSCRIBE}.
     * One comparison for every other socket type.
     */
    static void beforeSend(SocketType type, MemorySegment frame) {
        if (type == SocketType.XSUB && frame.byteSize() > PUBLISHER_MAX_MESSAGE) {
            checkXsubFrame(frame.get(ValueLayout.JAVA_BYTE, 0));
        }
    }

    static void beforeSend(SocketType type, byte[] data, int offset, int length) {
        if (type == SocketType.XSUB && length > PUBLISHER_MAX_MESSAGE) {
            checkXsubFrame(data[offset]);
        }
    }

    static void beforeSend(SocketType type, Message message) {
        if (type == SocketType.XSUB && !message.isClosed() && !message.isSent() && message.size() > PUBLISHER_MAX_MESSAGE) {
            checkXsubFrame(message.data().get(ValueLayout.JAVA_BYTE, 0));
        }
    }

    private static void checkXsubFrame(byte first) {
        if (first == 0 || first == 1) {
            throw new IllegalArgumentException("an XSUB frame starting with " + first + " is a" + (first == 1 ? "" : "n un")
                    + "subscription: its prefix may be at most " + MAX_SUBSCRIPTION + " bytes (libzmq recurses once per byte)");
        }
    }

    /** Before a bind: only a REP or ROUTER may bind the ZAP handler endpoint. */
    static void beforeBind(SocketType type, String endpoint) {
        if (endpoint.equals(Socket.ZAP_ENDPOINT) && type != SocketType.REP && type != SocketType.ROUTER) {
            // libzmq asserts (aborting the process) when a handshake meets any other type here.
            throw new IllegalArgumentException(Socket.ZAP_ENDPOINT + " is the ZAP handler endpoint: only a REP or "
                    + "ROUTER socket may bind it, not " + type);
        }
    }

    /**
     * Before a bind, connect, unbind or disconnect: a STREAM socket (raw TCP) must not use
     * {@code inproc://}, where its peer's multipart messages reach it frame by frame and libzmq
     * asserts (stream.cpp:201).
     */
    static void beforeEndpoint(SocketType type, String endpoint) {
        if (type == SocketType.STREAM && endpoint.startsWith("inproc://")) {
            throw new IllegalArgumentException("a STREAM socket cannot use inproc:// (" + endpoint + "): libzmq aborts "
                    + "the process when an inproc peer sends it a multipart message; use tcp://");
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
