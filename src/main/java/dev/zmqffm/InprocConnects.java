package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps libzmq from ever terminating a context with a pending {@code inproc://} connect (one
 * made before anything bound the endpoint). {@code zmq_ctx_term} "connects up" each pending
 * connect by creating a PAIR socket and binding it there, asserting that the socket could be
 * created (ctx.cpp:169: it cannot when the socket limit is reached) and, for peers that expect
 * a routing id, that the id could be written into the pipe (pipe.cpp:87: it cannot when the
 * connecting socket is already closing). Either assertion aborts the process.
 *
 * <p>So the binding resolves pending connects itself, while the connecting socket is still
 * open: one spare socket per context (the <em>resolver</em>, created with the context's
 * first inproc connect, so a full socket table refuses that connect with EMFILE instead of
 * aborting later) is bound to the endpoint and at once unbound again — binding connects the
 * pending pipes to it, unbinding frees the endpoint for a later bind. This happens when a
 * socket with inproc connects is closed or disconnects one, and for every open socket before
 * the context shuts down (after {@code zmq_ctx_shutdown} libzmq refuses binds); no inproc
 * connect is accepted after that. Messages a closing socket still sends there go to the
 * resolver, which discards them: they had no receiver.
 *
 * <pre>{@code
 * inproc.connect(socket, endpoint, control);                  // Socket.connect: zmq_connect
 * inproc.closing(socket);                                     // before zmq_close
 * inproc.seal();                                              // before zmq_ctx_shutdown
 * inproc.close();                                             // before zmq_ctx_term
 * }</pre>
 */
final class InprocConnects {
    private static final String INPROC = "inproc://";
    /**
     * A DEALER, not the PAIR libzmq uses: a PAIR takes one peer and terminates the pipe of a second
     * one, and writing a REP's routing id into that pipe is the pipe.cpp:87 abort. A DEALER takes
     * any number of peers.
     */
    private static final int DEALER = SocketType.DEALER.code();

    private final MemorySegment context;
    private final Map<Socket, Set<String>> connected = new IdentityHashMap<>();
    private final MemorySegment capture = Arena.global().allocate(LibZmq.CAPTURE_LAYOUT);
    private MemorySegment resolver;
    private boolean sealed;

    InprocConnects(MemorySegment context) {
        this.context = context;
    }

    /** Connects through {@code control} ({@code zmq_connect}), keeping track of inproc endpoints. */
    void connect(Socket socket, String endpoint, SocketControl control) {
        if (!endpoint.startsWith(INPROC)) {
            control.endpoint(endpoint, SocketControl.CONNECT);
            return;
        }
        synchronized (this) {
            if (sealed) {
                throw new ContextTerminatedException("zmq_connect(" + endpoint + ")", Errno.ETERM.code(),
                        "the context was shut down");
            }
            ensureResolver();
            control.endpoint(endpoint, SocketControl.CONNECT);
            connected.computeIfAbsent(socket, s -> new LinkedHashSet<>()).add(endpoint);
        }
    }

    /** Disconnects through {@code control} after resolving the endpoint, if it is a pending inproc connect. */
    void disconnect(Socket socket, String endpoint, SocketControl control) {
        if (!endpoint.startsWith(INPROC)) {
            control.endpoint(endpoint, SocketControl.DISCONNECT);
            return;
        }
        synchronized (this) {
            if (!sealed) {
                resolve(endpoint);
            }
            control.endpoint(endpoint, SocketControl.DISCONNECT);
            Set<String> endpoints = connected.get(socket);
            if (endpoints != null) {
                endpoints.remove(endpoint);
            }
        }
    }

    /** Before {@code zmq_close} of {@code socket}: resolves its pending inproc connects. */
    synchronized void closing(Socket socket) {
        Set<String> endpoints = connected.remove(socket);
        if (endpoints != null && !sealed) {
            for (String endpoint : endpoints) {
                resolve(endpoint);
            }
        }
    }

    /** Before {@code zmq_ctx_shutdown}: resolves every pending connect; refuses new ones from now. */
    synchronized void seal() {
        if (sealed) {
            return;
        }
        // Loops, not streams and method references: every context's close runs this, and each
        // lambda spins a class on a process's first round trip. Each endpoint once, in order.
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> endpoints : connected.values()) {
            all.addAll(endpoints);
        }
        for (String endpoint : all) {
            resolve(endpoint);
        }
        sealed = true;
    }

    /** Before {@code zmq_ctx_term}, once every other socket is closed: closes the resolver. */
    synchronized void close() {
        sealed = true;
        connected.clear();
        if (resolver != null) {
            LibZmq.zmq_close(capture, resolver);
            resolver = null;
        }
    }

    private void ensureResolver() {
        if (resolver != null) {
            return;
        }
        MemorySegment raw = LibZmq.zmq_socket(capture, context, DEALER);
        if (raw.equals(MemorySegment.NULL)) {
            // EMFILE when the socket table is full: the connect is refused, nothing aborts later.
            throw Failures.of("zmq_connect: an inproc:// connect needs one spare socket in the context "
                    + "(MAX_SOCKETS), to resolve it should nothing bind the endpoint; zmq_socket", capture);
        }
        resolver = raw;
        try (Arena call = Arena.ofConfined()) {
            // Linger 0: whatever reaches the resolver had no receiver anyway.
            LibZmq.zmq_setsockopt(capture, resolver, SocketOptions.LINGER.id(), call.allocateFrom(
                    java.lang.foreign.ValueLayout.JAVA_INT, 0), Integer.BYTES);
        }
    }

    /**
     * Binds the resolver to {@code endpoint} and unbinds it: if connects were pending there, they
     * are connected to the resolver now. EADDRINUSE means someone has bound it: nothing pends.
     */
    private void resolve(String endpoint) {
        if (resolver == null) {
            return;
        }
        drain();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ep = call.allocateFrom(endpoint);
            if (LibZmq.zmq_bind(capture, resolver, ep) == 0) {
                LibZmq.zmq_unbind(capture, resolver, ep);
            }
        }
    }

    /**
     * Discards what reached the resolver. Receiving also makes it process its commands, so the
     * sockets whose pipes it holds can finish closing (each waits for the resolver's
     * acknowledgement, keeping its slot in the socket table until then).
     */
    private void drain() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment msg = call.allocate(LibZmq.MSG_T_SIZE, LibZmq.MSG_T_ALIGN);
            LibZmq.zmq_msg_init(capture, msg);
            while (LibZmq.zmq_msg_recv(capture, msg, resolver, 1) >= 0) {
                // discard
            }
            LibZmq.zmq_msg_close(capture, msg);
        }
    }
}
