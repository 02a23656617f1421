package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps libzmq's {@code inproc://} transport from aborting the process. A connect made before
 * anything bound its endpoint is <em>pending</em>: libzmq parks its pipe in the context until a
 * bind, then attaches it to the binding socket and, if the connecting socket expects a routing
 * id (REP, ROUTER), writes the binder's id into it, asserting that the write succeeded
 * (pipe.cpp:87). It fails — and the process aborts — when the pipe is no longer open: a PAIR
 * binder terminates every pipe after its first one, and a disconnect terminates the pending
 * pipe. {@code zmq_ctx_term} also binds a PAIR to each endpoint still pending, asserting that it
 * could create the socket (ctx.cpp:169: not when the socket limit is reached).
 *
 * <p>So every inproc bind, connect, disconnect and close of a context passes through here:
 * <ul>
 *   <li>libzmq checks nothing about the two socket types over inproc (the ZMTP handshake that
 *       refuses, say, PAIR–REP over tcp does not run), so a bind or connect between types that
 *       ZMTP does not pair ({@link SocketType}) is refused before libzmq sees it; a PAIR binder
 *       then never meets a pending REP or ROUTER;</li>
 *   <li>a pending connect that must go away is first <em>resolved</em>: one spare DEALER per
 *       context (the resolver, made with the context's first inproc connect, so a full socket
 *       table refuses that connect with EMFILE rather than aborting later) binds the endpoint and
 *       unbinds it at once, which attaches the pending pipes to it. Binding takes every pipe
 *       pending there, so only a socket that is alone in waiting for its endpoint is resolved
 *       when it disconnects or closes. A socket that closes while not alone keeps its libzmq
 *       socket open (its slot in the socket table too) until the endpoint is bound, another
 *       waiter resolves it, or the context shuts down, and is closed right after: libzmq itself
 *       would leave a closed socket's pipe pending in a state its bind cannot handle safely.
 *       The binder may route a message into that pipe before it closes, lost as with any peer
 *       that goes away; a REP or ROUTER that is not alone cannot disconnect (refused: the
 *       bind would write into its terminated pipe);</li>
 *   <li>a socket with CONFLATE cannot connect to an endpoint nothing bound: its pipe keeps one
 *       message, so the delimiter of a close or disconnect replaces the routing id that the
 *       bind reads, asserting it is there (ctx.cpp: {@code zmq_assert (ok)});</li>
 *   <li>before {@code zmq_ctx_shutdown} every pending endpoint is resolved (afterwards libzmq
 *       refuses binds), and no inproc connect is accepted after that.</li>
 * </ul>
 * Messages sent to the resolver had no receiver: it discards them. Binds and closes run under
 * this object's lock, so no bind meets a socket halfway through closing.
 *
 * <pre>{@code
 * inproc.connect(socket, endpoint, control);                 // Socket.connect
 * inproc.bind(socket, endpoint, engine, control);             // Socket.bind
 * inproc.close(socket, engine);                               // Socket.close: zmq_close
 * inproc.seal();                                              // before zmq_ctx_shutdown
 * inproc.closeResolver();                                     // before zmq_ctx_term
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
    /** The types for which libzmq honours CONFLATE (its get_effective_conflate_option). */
    private static final Set<SocketType> CONFLATING = EnumSet.of(SocketType.DEALER, SocketType.PULL,
            SocketType.PUSH, SocketType.PUB, SocketType.SUB);

    private final MemorySegment context;
    /** Endpoints bound by this context's sockets (the resolver's brief binds excluded). */
    private final Map<String, Socket> bound = new HashMap<>();
    /** Endpoints with pending connects, and the sockets (open or closed) that wait there. */
    private final Map<String, Set<Socket>> pending = new HashMap<>();
    /** Closed sockets whose libzmq socket stays open while their connect pends ({@link #close}). */
    private final Map<Socket, Engine> closeLater = new IdentityHashMap<>();
    private final MemorySegment capture = Arena.global().allocate(LibZmq.CAPTURE_LAYOUT);
    private MemorySegment resolver;
    private boolean sealed;

    InprocConnects(MemorySegment context) {
        this.context = context;
    }

    /**
     * Runs {@code connect} ({@code zmq_connect}), keeping track of inproc endpoints.
     *
     * @param control the socket's control, which makes the call
     */
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
            Socket binder = bound.get(endpoint);
            if (binder != null) {
                checkPair(socket.type(), binder.type(), endpoint);
            } else if (CONFLATING.contains(socket.type()) && control.get(SocketOptions.CONFLATE)) {
                throw new SocketStateException("zmq_connect(" + endpoint + ")", Errno.EFSM.code(), "a " + socket.type()
                        + " with CONFLATE cannot connect to an inproc endpoint nothing has bound yet: its one-message "
                        + "pipe would lose the connect's routing id if the socket closed or disconnected before "
                        + "the bind, and libzmq aborts then; bind first");
            }
            ensureResolver();
            control.endpoint(endpoint, SocketControl.CONNECT);
            if (binder == null) {
                Set<Socket> waiting = pending.get(endpoint);
                if (waiting == null) {
                    waiting = new LinkedHashSet<>();
                    pending.put(endpoint, waiting);
                }
                waiting.add(socket);
            }
        }
    }

    /** Binds ({@link SocketChecks#bind}) after checking the types of the sockets waiting there. */
    void bind(Socket socket, String endpoint, Engine engine, SocketControl control) {
        if (!endpoint.startsWith(INPROC)) {
            SocketChecks.bind(engine, endpoint, control);
            return;
        }
        synchronized (this) {
            for (Socket waiting : pending.getOrDefault(endpoint, Set.of())) {
                if (!waiting.isClosed()) {
                    checkPair(waiting.type(), socket.type(), endpoint);
                }
            }
            SocketChecks.bind(engine, endpoint, control);
            bound.put(endpoint, socket);
            pending.remove(endpoint);             // libzmq attached every pending pipe
            closeUnblocked();
        }
    }

    /**
     * Runs {@code unbind} ({@code zmq_unbind}).
     *
     * @throws SocketStateException as {@link #disconnect} does, for an endpoint the socket connected to
     */
    void unbind(Socket socket, String endpoint, SocketControl control) {
        if (!endpoint.startsWith(INPROC)) {
            control.endpoint(endpoint, SocketControl.UNBIND);
            return;
        }
        synchronized (this) {
            // libzmq's unbind and disconnect are one function: unbinding an endpoint the socket
            // connected to terminates that connect's pipes, a pending one included.
            beforeTermination(socket, endpoint, "zmq_unbind");
            control.endpoint(endpoint, SocketControl.UNBIND);
            bound.remove(endpoint, socket);
        }
    }

    /**
     * Runs {@code disconnect} ({@code zmq_disconnect}); a pending connect is resolved first.
     *
     * @throws SocketStateException for a REP or ROUTER whose connect is pending where other
     *         sockets wait too (see the class comment)
     */
    void disconnect(Socket socket, String endpoint, SocketControl control) {
        if (!endpoint.startsWith(INPROC)) {
            control.endpoint(endpoint, SocketControl.DISCONNECT);
            return;
        }
        synchronized (this) {
            beforeTermination(socket, endpoint, "zmq_disconnect");
            control.endpoint(endpoint, SocketControl.DISCONNECT);
        }
    }

    /** Before libzmq terminates {@code socket}'s pipes to {@code endpoint}: a pending connect is resolved. */
    private void beforeTermination(Socket socket, String endpoint, String operation) {
        Set<Socket> waiting = pending.get(endpoint);
        if (waiting == null || !waiting.contains(socket) || sealed) {
            return;
        }
        if (alone(socket, waiting)) {
            resolve(endpoint);
        } else if (expectsRoutingId(socket.type())) {
            throw new SocketStateException(operation + "(" + endpoint + ")", Errno.EFSM.code(), "a " + socket.type()
                    + " cannot disconnect while its connect is pending and other sockets wait for the same "
                    + "endpoint: libzmq would abort when the endpoint is bound (its routing id cannot be written "
                    + "into a disconnected pipe); close the socket instead, or disconnect once the endpoint is bound");
        } else {
            waiting.remove(socket);
        }
    }

    /**
     * Closes {@code socket}'s libzmq socket ({@link Engine#release()}): its endpoints are no
     * longer bound; each pending connect it alone waits in is resolved first. (Loops, not
     * lambdas: this runs on a first round trip, where each lambda costs startup time.)
     */
    void close(Socket socket, Engine engine) {
        synchronized (this) {
            for (Iterator<Socket> it = bound.values().iterator(); it.hasNext(); ) {
                if (it.next() == socket) {
                    it.remove();
                }
            }
            if (!sealed) {
                List<String> alone = new ArrayList<>();
                for (Map.Entry<String, Set<Socket>> e : pending.entrySet()) {
                    if (e.getValue().contains(socket) && alone(socket, e.getValue())) {
                        alone.add(e.getKey());
                    }
                }
                for (String endpoint : alone) {
                    resolve(endpoint);
                }
                if (isPending(socket)) {
                    closeLater.put(socket, engine);   // see the class comment
                    return;
                }
            }
            engine.release();
        }
    }

    private boolean isPending(Socket socket) {
        for (Set<Socket> waiting : pending.values()) {
            if (waiting.contains(socket)) {
                return true;
            }
        }
        return false;
    }

    /** Closes the libzmq sockets kept open for a pending connect that is pending no more. */
    private void closeUnblocked() {
        for (Iterator<Map.Entry<Socket, Engine>> it = closeLater.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Socket, Engine> e = it.next();
            if (!isPending(e.getKey())) {
                Engine engine = e.getValue();
                it.remove();
                engine.release();
            }
        }
    }

    /** Before {@code zmq_ctx_shutdown}: resolves every pending connect; refuses new ones from now. */
    synchronized void seal() {
        if (sealed) {
            return;
        }
        for (String endpoint : new ArrayList<>(pending.keySet())) {
            resolve(endpoint);                    // each also closes the sockets it unblocked
        }
        sealed = true;
    }

    /** Before {@code zmq_ctx_term}, once every other socket is closed: closes the resolver. */
    synchronized void closeResolver() {
        sealed = true;
        pending.clear();
        closeUnblocked();                         // none left after seal(); never leave one open
        bound.clear();
        if (resolver != null) {
            LibZmq.zmq_close(capture, resolver);
            resolver = null;
        }
    }

    /** Whether {@code socket} is the only open socket among {@code waiting}: resolving steals nothing. */
    private static boolean alone(Socket socket, Set<Socket> waiting) {
        for (Socket s : waiting) {
            if (s != socket && !s.isClosed()) {
                return false;
            }
        }
        return true;
    }

    /** Sockets whose pending pipe libzmq writes the binder's routing id into (recv_routing_id). */
    private static boolean expectsRoutingId(SocketType type) {
        return type == SocketType.REP || type == SocketType.ROUTER;
    }

    private static void checkPair(SocketType connecting, SocketType binding, String endpoint) {
        if (!connecting.pairsWith(binding)) {
            throw new IllegalArgumentException("a " + connecting + " socket cannot connect to a " + binding
                    + " socket (" + endpoint + "): ZMTP does not pair these types, and over inproc:// libzmq "
                    + "does not refuse them itself (a PAIR binder meeting a REP or ROUTER aborts the process)");
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
                    ValueLayout.JAVA_INT, 0), Integer.BYTES);
        }
    }

    /**
     * Binds the resolver to {@code endpoint} and unbinds it: the connects pending there are
     * connected to the resolver now. EADDRINUSE means someone has bound it: nothing pends.
     */
    private void resolve(String endpoint) {
        pending.remove(endpoint);
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
        closeUnblocked();
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
