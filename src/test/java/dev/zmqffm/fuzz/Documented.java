package dev.zmqffm.fuzz;

import dev.zmqffm.InsecureConfigurationException;
import dev.zmqffm.ZmqException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which exception types each public API method is documented to throw — the fuzzer's yardstick.
 * Mechanical: an outcome is "documented" only if its type (or a supertype) is listed here for
 * the method, and every entry names where the documentation says so. Nothing is added because
 * the fuzzer saw it; an undocumented exception is fixed in the code or in the javadoc first.
 *
 * <pre>{@code
 * boolean ok = Documented.covers("Socket.bind", e);
 * }</pre>
 */
final class Documented {
    private Documented() {}

    /** Every method of a type: the class javadoc's rules. */
    private static final Map<String, List<Class<? extends Throwable>>> TYPE_RULES = Map.of(
            // Socket class doc: "After close() every call throws IllegalStateException; if the
            // socket was closed by its context, ContextTerminatedException" (a ZmqException);
            // "a call made while another thread is inside throws IllegalStateException";
            // ZmqException class doc / README "Errors": libzmq failures.
            "Socket", List.of(IllegalStateException.class, ZmqException.class),
            // Context class doc and Context.socket/set/get @throws; ZmqException for libzmq.
            "Context", List.of(IllegalStateException.class, ZmqException.class),
            // Message class doc: confined to its thread (WrongThreadException), closed or sent
            // messages throw IllegalStateException; allocation failures are ZmqException.
            "Message", List.of(IllegalStateException.class, WrongThreadException.class, ZmqException.class),
            // Poller class doc: closed poller / sockets in use (IllegalStateException).
            "Poller", List.of(IllegalStateException.class, ZmqException.class),
            "SocketMonitor", List.of(IllegalStateException.class, ZmqException.class),
            "Proxy", List.of(IllegalStateException.class, ZmqException.class));

    /** Per-method additions, each from that method's {@code @throws} (or the cited docs). */
    private static final Map<String, Set<Class<? extends Throwable>>> METHOD_RULES = Map.ofEntries(
            // README "Errors": IllegalArgumentException for bad endpoints, before libzmq.
            // Socket.bind/connect/set @throws InsecureConfigurationException: a SocketSecurity
            // role refuses the endpoint, or a security option after the first bind/connect.
            Map.entry("Socket.bind", Set.of(IllegalArgumentException.class, InsecureConfigurationException.class)),
            Map.entry("Socket.connect", Set.of(IllegalArgumentException.class, InsecureConfigurationException.class)),
            Map.entry("Socket.unbind", Set.of(IllegalArgumentException.class)),
            Map.entry("Socket.disconnect", Set.of(IllegalArgumentException.class)),
            // Socket.set @throws UnsupportedOperationException, IllegalArgumentException,
            // InsecureConfigurationException (a security option after bind/connect);
            // SocketOptions: negative durations other than INFINITE, NUL in strings.
            Map.entry("Socket.set", Set.of(UnsupportedOperationException.class, IllegalArgumentException.class,
                    InsecureConfigurationException.class)),
            Map.entry("Socket.get", Set.of(UnsupportedOperationException.class)),
            Map.entry("Socket.subscribe", Set.of(IllegalArgumentException.class)),
            // Socket.send(byte[], int, int, SendFlags) @throws IndexOutOfBoundsException.
            Map.entry("Socket.send(byte[],int,int)", Set.of(IndexOutOfBoundsException.class)),
            // Package docs: a negative duration is an IllegalArgumentException.
            Map.entry("Socket.send(byte[],Duration)", Set.of(IllegalArgumentException.class)),
            Map.entry("Socket.receiveBytes(Duration)", Set.of(IllegalArgumentException.class)),
            // Socket.receive(MemorySegment|ByteBuffer) @throws IllegalArgumentException (read-only).
            Map.entry("Socket.receive(MemorySegment)", Set.of(IllegalArgumentException.class)),
            Map.entry("Socket.receive(ByteBuffer)", Set.of(IllegalArgumentException.class)),
            // Context.set @throws UnsupportedOperationException, IllegalArgumentException.
            Map.entry("Context.set", Set.of(UnsupportedOperationException.class, IllegalArgumentException.class)),
            Map.entry("Context.get", Set.of(UnsupportedOperationException.class)),
            Map.entry("Context.create(int)", Set.of(IllegalArgumentException.class)),
            Map.entry("Context.setDefaultLinger", Set.of(IllegalArgumentException.class)),
            // Message.allocate @throws IllegalArgumentException; copyFrom/copyTo @throws
            // IndexOutOfBoundsException, copyTo IllegalArgumentException (read-only target).
            Map.entry("Message.allocate", Set.of(IllegalArgumentException.class)),
            Map.entry("Message.copyFrom", Set.of(IndexOutOfBoundsException.class)),
            Map.entry("Message.copyTo", Set.of(IndexOutOfBoundsException.class, IllegalArgumentException.class)),
            // Poller.unregister @throws IndexOutOfBoundsException, IllegalArgumentException.
            Map.entry("Poller.unregister", Set.of(IndexOutOfBoundsException.class, IllegalArgumentException.class)),
            // Proxy.start @throws IllegalArgumentException (sockets not all of one context).
            Map.entry("Proxy.start", Set.of(IllegalArgumentException.class)));

    /** Whether {@code thrown} is documented for {@code method} ("Type.name…"). */
    static boolean covers(String method, Throwable thrown) {
        String type = method.substring(0, method.indexOf('.'));
        for (Class<? extends Throwable> c : TYPE_RULES.getOrDefault(type, List.of())) {
            if (c.isInstance(thrown)) {
                return true;
            }
        }
        // Socket class doc: an XSUB (un)subscription frame over 513 bytes, from every send form.
        if (method.startsWith("Socket.send") && thrown instanceof IllegalArgumentException) {
            return true;
        }
        // Package docs: "a negative duration is an IllegalArgumentException", for every method
        // that takes one.
        if (method.contains("Duration") && thrown instanceof IllegalArgumentException) {
            return true;
        }
        for (Class<? extends Throwable> c : METHOD_RULES.getOrDefault(method, Set.of())) {
            if (c.isInstance(thrown)) {
                return true;
            }
        }
        return false;
    }
}
