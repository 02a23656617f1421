package dev.zmqffm;

import dev.zmqffm.internal.LayoutCheck;
import dev.zmqffm.internal.raw.zmq_h;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Every stable socket option of libzmq 4.3, typed.
 *
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=socket-options}
 *
 * <p>Options that only some socket types accept (e.g. {@link #SUBSCRIBE} on SUB) make libzmq
 * fail with {@link Errno#EINVAL} on other types, reported as {@link ZmqException}. The VMCI
 * options exist in every build but work only where libzmq was compiled with VMCI support.
 * {@code ZMQ_BLOCKY} is a context option: see {@link ContextOptions#BLOCKY}.
 */
public final class SocketOptions {
    private SocketOptions() {}

    static {
        // Before the first generated constant is read: on a platform the generated layer does
        // not fit, its class initialisation would fail with a ClassCastException.
        LayoutCheck.require();
    }

    /**
     * libzmq's -1 for durations: no timeout, linger forever, never reconnect. Any other negative
     * duration is rejected.
     */
    public static final Duration INFINITE = ChronoUnit.FOREVER.getDuration();

    /** I/O thread affinity bitmask for new connections (uint64). */
    public static final SocketOption<Long> AFFINITY =
            new SocketOption<>("AFFINITY", zmq_h.ZMQ_AFFINITY(), Long.class, OptionCodec.LONG, true, true);
    /** This socket's routing id as seen by ROUTER peers (1–255 bytes, not starting with 0). */
    public static final SocketOption<byte[]> ROUTING_ID =
            new SocketOption<>("ROUTING_ID", zmq_h.ZMQ_ROUTING_ID(), byte[].class, OptionCodec.BYTES, true, true);
    /**
     * Adds a SUB subscription prefix (empty = everything), at most 512 bytes: libzmq 4.3.4 keeps
     * subscriptions in a trie that recurses once per byte (about 82 bytes of native stack each),
     * and the JVM guarantees native code only about 80 KiB of stack; longer prefixes throw
     * {@link IllegalArgumentException}. See also {@link Socket#subscribe(String)}.
     */
    public static final SocketOption<byte[]> SUBSCRIBE =
            new SocketOption<>("SUBSCRIBE", zmq_h.ZMQ_SUBSCRIBE(), byte[].class, OptionCodec.BYTES, false, true);
    /** Removes a SUB subscription prefix (at most 512 bytes, as {@link #SUBSCRIBE}). */
    public static final SocketOption<byte[]> UNSUBSCRIBE =
            new SocketOption<>("UNSUBSCRIBE", zmq_h.ZMQ_UNSUBSCRIBE(), byte[].class, OptionCodec.BYTES, false, true);
    /** Multicast data rate in kilobits per second. */
    public static final SocketOption<Integer> RATE =
            new SocketOption<>("RATE", zmq_h.ZMQ_RATE(), Integer.class, OptionCodec.INT, true, true);
    /** Multicast recovery interval. */
    public static final SocketOption<Duration> RECOVERY_IVL =
            new SocketOption<>("RECOVERY_IVL", zmq_h.ZMQ_RECOVERY_IVL(), Duration.class, OptionCodec.MILLIS, true, true);
    /** Kernel send buffer size in bytes (-1 = OS default). */
    public static final SocketOption<Integer> SNDBUF =
            new SocketOption<>("SNDBUF", zmq_h.ZMQ_SNDBUF(), Integer.class, OptionCodec.INT, true, true);
    /** Kernel receive buffer size in bytes (-1 = OS default). */
    public static final SocketOption<Integer> RCVBUF =
            new SocketOption<>("RCVBUF", zmq_h.ZMQ_RCVBUF(), Integer.class, OptionCodec.INT, true, true);
    /** Whether more frames of the last received message follow. See {@link Socket#hasMore()}. */
    public static final SocketOption<Boolean> RCVMORE =
            new SocketOption<>("RCVMORE", zmq_h.ZMQ_RCVMORE(), Boolean.class, OptionCodec.BOOLEAN, true, false);
    /** The file descriptor that signals (edge-triggered) when {@link #EVENTS} may have changed. */
    public static final SocketOption<Long> FD =
            new SocketOption<>("FD", zmq_h.ZMQ_FD(), Long.class, OptionCodec.DESCRIPTOR, true, false);
    /** Whether a message can be received ({@link PollEvent#IN}) or sent ({@link PollEvent#OUT}) now. */
    public static final SocketOption<Set<PollEvent>> EVENTS =
            new SocketOption<>("EVENTS", zmq_h.ZMQ_EVENTS(), Set.class, OptionCodec.EVENTS, true, false);
    /** The socket's type. */
    public static final SocketOption<SocketType> TYPE =
            new SocketOption<>("TYPE", zmq_h.ZMQ_TYPE(), SocketType.class, OptionCodec.SOCKET_TYPE, true, false);
    /** How long unsent messages are kept after close. This binding's default is {@link Context#DEFAULT_LINGER}, not libzmq's infinite. */
    public static final SocketOption<Duration> LINGER =
            new SocketOption<>("LINGER", zmq_h.ZMQ_LINGER(), Duration.class, OptionCodec.MILLIS, true, true);
    /** Initial reconnection interval ({@link #INFINITE} = never reconnect). */
    public static final SocketOption<Duration> RECONNECT_IVL =
            new SocketOption<>("RECONNECT_IVL", zmq_h.ZMQ_RECONNECT_IVL(), Duration.class, OptionCodec.MILLIS, true, true);
    /** Maximum length of the queue of pending connections. */
    public static final SocketOption<Integer> BACKLOG =
            new SocketOption<>("BACKLOG", zmq_h.ZMQ_BACKLOG(), Integer.class, OptionCodec.INT, true, true);
    /** Maximum reconnection interval for exponential back-off (zero = no back-off). */
    public static final SocketOption<Duration> RECONNECT_IVL_MAX =
            new SocketOption<>("RECONNECT_IVL_MAX", zmq_h.ZMQ_RECONNECT_IVL_MAX(), Duration.class, OptionCodec.MILLIS, true, true);
    /**
     * Largest inbound message in bytes (-1 = no limit); larger ones drop the peer (int64). PUB
     * and XPUB sockets start at 513 and accept nothing larger (nor -1): what they receive are
     * subscriptions (one byte and the prefix), and an XPUB's application — a proxy, typically —
     * subscribes an XSUB with them, where a longer prefix from a remote peer would crash the
     * process (see {@link #SUBSCRIBE}). An XPUB therefore also drops a peer that sends it a
     * larger message of any kind.
     */
    public static final SocketOption<Long> MAXMSGSIZE =
            new SocketOption<>("MAXMSGSIZE", zmq_h.ZMQ_MAXMSGSIZE(), Long.class, OptionCodec.LONG, true, true);
    /** High-water mark for outbound messages (default 1000; 0 = no limit). */
    public static final SocketOption<Integer> SNDHWM =
            new SocketOption<>("SNDHWM", zmq_h.ZMQ_SNDHWM(), Integer.class, OptionCodec.INT, true, true);
    /** High-water mark for inbound messages (default 1000; 0 = no limit). */
    public static final SocketOption<Integer> RCVHWM =
            new SocketOption<>("RCVHWM", zmq_h.ZMQ_RCVHWM(), Integer.class, OptionCodec.INT, true, true);
    /** Multicast time-to-live. */
    public static final SocketOption<Integer> MULTICAST_HOPS =
            new SocketOption<>("MULTICAST_HOPS", zmq_h.ZMQ_MULTICAST_HOPS(), Integer.class, OptionCodec.INT, true, true);
    /** Timeout of blocking receives ({@link #INFINITE} by default). */
    public static final SocketOption<Duration> RCVTIMEO =
            new SocketOption<>("RCVTIMEO", zmq_h.ZMQ_RCVTIMEO(), Duration.class, OptionCodec.MILLIS, true, true);
    /** Timeout of blocking sends ({@link #INFINITE} by default). */
    public static final SocketOption<Duration> SNDTIMEO =
            new SocketOption<>("SNDTIMEO", zmq_h.ZMQ_SNDTIMEO(), Duration.class, OptionCodec.MILLIS, true, true);
    /** Deprecated by libzmq in favour of {@link #IPV6} (the inverse). */
    public static final SocketOption<Boolean> IPV4ONLY =
            new SocketOption<>("IPV4ONLY", 31, Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** The last endpoint bound, with wildcards resolved (e.g. {@code tcp://127.0.0.1:41234}). */
    public static final SocketOption<String> LAST_ENDPOINT =
            new SocketOption<>("LAST_ENDPOINT", zmq_h.ZMQ_LAST_ENDPOINT(), String.class, OptionCodec.STRING, true, false);
    /** Makes a ROUTER throw {@link HostUnreachableException} for unknown routing ids instead of dropping. */
    public static final SocketOption<Boolean> ROUTER_MANDATORY =
            new SocketOption<>("ROUTER_MANDATORY", zmq_h.ZMQ_ROUTER_MANDATORY(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** SO_KEEPALIVE: 1 on, 0 off, -1 OS default. */
    public static final SocketOption<Integer> TCP_KEEPALIVE =
            new SocketOption<>("TCP_KEEPALIVE", zmq_h.ZMQ_TCP_KEEPALIVE(), Integer.class, OptionCodec.INT, true, true);
    /** TCP_KEEPCNT (-1 = OS default). */
    public static final SocketOption<Integer> TCP_KEEPALIVE_CNT =
            new SocketOption<>("TCP_KEEPALIVE_CNT", zmq_h.ZMQ_TCP_KEEPALIVE_CNT(), Integer.class, OptionCodec.INT, true, true);
    /** TCP_KEEPIDLE in seconds (-1 = OS default). */
    public static final SocketOption<Integer> TCP_KEEPALIVE_IDLE =
            new SocketOption<>("TCP_KEEPALIVE_IDLE", zmq_h.ZMQ_TCP_KEEPALIVE_IDLE(), Integer.class, OptionCodec.INT, true, true);
    /** TCP_KEEPINTVL in seconds (-1 = OS default). */
    public static final SocketOption<Integer> TCP_KEEPALIVE_INTVL =
            new SocketOption<>("TCP_KEEPALIVE_INTVL", zmq_h.ZMQ_TCP_KEEPALIVE_INTVL(), Integer.class, OptionCodec.INT, true, true);
    /** Adds an accepted peer address filter (deprecated by libzmq in favour of ZAP). */
    public static final SocketOption<String> TCP_ACCEPT_FILTER =
            new SocketOption<>("TCP_ACCEPT_FILTER", 38, String.class, OptionCodec.STRING, false, true);
    /** Queue messages only to completed connections. */
    public static final SocketOption<Boolean> IMMEDIATE =
            new SocketOption<>("IMMEDIATE", zmq_h.ZMQ_IMMEDIATE(), Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** XPUB passes on duplicate subscriptions too. */
    public static final SocketOption<Boolean> XPUB_VERBOSE =
            new SocketOption<>("XPUB_VERBOSE", zmq_h.ZMQ_XPUB_VERBOSE(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** Raw ROUTER mode (superseded by {@link SocketType#STREAM}). */
    public static final SocketOption<Boolean> ROUTER_RAW =
            new SocketOption<>("ROUTER_RAW", zmq_h.ZMQ_ROUTER_RAW(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** Enables IPv6 on this socket. */
    public static final SocketOption<Boolean> IPV6 =
            new SocketOption<>("IPV6", zmq_h.ZMQ_IPV6(), Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** The security mechanism in use. */
    public static final SocketOption<Mechanism> MECHANISM =
            new SocketOption<>("MECHANISM", zmq_h.ZMQ_MECHANISM(), Mechanism.class, OptionCodec.MECHANISM, true, false);
    /** Act as PLAIN server (credentials travel in clear text). */
    public static final SocketOption<Boolean> PLAIN_SERVER =
            new SocketOption<>("PLAIN_SERVER", zmq_h.ZMQ_PLAIN_SERVER(), Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** PLAIN client username. */
    public static final SocketOption<String> PLAIN_USERNAME =
            new SocketOption<>("PLAIN_USERNAME", zmq_h.ZMQ_PLAIN_USERNAME(), String.class, OptionCodec.STRING, true, true);
    /** PLAIN client password. Write-only: a secret is never read back from a socket. */
    public static final SocketOption<String> PLAIN_PASSWORD =
            new SocketOption<>("PLAIN_PASSWORD", zmq_h.ZMQ_PLAIN_PASSWORD(), String.class, OptionCodec.STRING, false, true);
    /** Act as CURVE server. Without a ZAP handler any client key is accepted. */
    public static final SocketOption<Boolean> CURVE_SERVER =
            new SocketOption<>("CURVE_SERVER", zmq_h.ZMQ_CURVE_SERVER(), Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** This socket's long-term CURVE public key. */
    public static final SocketOption<CurveKey> CURVE_PUBLICKEY =
            new SocketOption<>("CURVE_PUBLICKEY", zmq_h.ZMQ_CURVE_PUBLICKEY(), CurveKey.class, OptionCodec.CURVE_KEY, true, true);
    /** This socket's long-term CURVE secret key. Write-only: a secret is never read back from a socket. */
    public static final SocketOption<SecretKey> CURVE_SECRETKEY =
            new SocketOption<>("CURVE_SECRETKEY", zmq_h.ZMQ_CURVE_SECRETKEY(), SecretKey.class, SecretKey.CODEC, false, true);
    /** The server's public key, set on a CURVE client. */
    public static final SocketOption<CurveKey> CURVE_SERVERKEY =
            new SocketOption<>("CURVE_SERVERKEY", zmq_h.ZMQ_CURVE_SERVERKEY(), CurveKey.class, OptionCodec.CURVE_KEY, true, true);
    /** Send an empty message on connect so a ROUTER learns this peer. */
    public static final SocketOption<Boolean> PROBE_ROUTER =
            new SocketOption<>("PROBE_ROUTER", zmq_h.ZMQ_PROBE_ROUTER(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** REQ matches replies to requests with a request id. */
    public static final SocketOption<Boolean> REQ_CORRELATE =
            new SocketOption<>("REQ_CORRELATE", zmq_h.ZMQ_REQ_CORRELATE(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** REQ may send again without waiting for a reply. */
    public static final SocketOption<Boolean> REQ_RELAXED =
            new SocketOption<>("REQ_RELAXED", zmq_h.ZMQ_REQ_RELAXED(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** Keep only the last message (single-frame messages only). */
    public static final SocketOption<Boolean> CONFLATE =
            new SocketOption<>("CONFLATE", zmq_h.ZMQ_CONFLATE(), Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** Authentication domain passed to the ZAP handler. */
    public static final SocketOption<String> ZAP_DOMAIN =
            new SocketOption<>("ZAP_DOMAIN", zmq_h.ZMQ_ZAP_DOMAIN(), String.class, OptionCodec.STRING, true, true);
    /** A new peer with a routing id in use takes it over. */
    public static final SocketOption<Boolean> ROUTER_HANDOVER =
            new SocketOption<>("ROUTER_HANDOVER", zmq_h.ZMQ_ROUTER_HANDOVER(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** IP type-of-service of outgoing packets. */
    public static final SocketOption<Integer> TOS =
            new SocketOption<>("TOS", zmq_h.ZMQ_TOS(), Integer.class, OptionCodec.INT, true, true);
    /** Accept ipc peers with this process id only (deprecated by libzmq). */
    public static final SocketOption<Integer> IPC_FILTER_PID =
            new SocketOption<>("IPC_FILTER_PID", 58, Integer.class, OptionCodec.INT, false, true);
    /** Accept ipc peers with this user id only (deprecated by libzmq). */
    public static final SocketOption<Integer> IPC_FILTER_UID =
            new SocketOption<>("IPC_FILTER_UID", 59, Integer.class, OptionCodec.INT, false, true);
    /** Accept ipc peers with this group id only (deprecated by libzmq). */
    public static final SocketOption<Integer> IPC_FILTER_GID =
            new SocketOption<>("IPC_FILTER_GID", 60, Integer.class, OptionCodec.INT, false, true);
    /** Routing id to give the peer of the next connect (ROUTER/STREAM). */
    public static final SocketOption<byte[]> CONNECT_ROUTING_ID =
            new SocketOption<>("CONNECT_ROUTING_ID", zmq_h.ZMQ_CONNECT_ROUTING_ID(), byte[].class, OptionCodec.BYTES, false, true);
    /** Act as GSSAPI server. */
    public static final SocketOption<Boolean> GSSAPI_SERVER =
            new SocketOption<>("GSSAPI_SERVER", zmq_h.ZMQ_GSSAPI_SERVER(), Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** GSSAPI principal name. */
    public static final SocketOption<String> GSSAPI_PRINCIPAL =
            new SocketOption<>("GSSAPI_PRINCIPAL", zmq_h.ZMQ_GSSAPI_PRINCIPAL(), String.class, OptionCodec.STRING, true, true);
    /** GSSAPI service principal name. */
    public static final SocketOption<String> GSSAPI_SERVICE_PRINCIPAL =
            new SocketOption<>("GSSAPI_SERVICE_PRINCIPAL", zmq_h.ZMQ_GSSAPI_SERVICE_PRINCIPAL(), String.class, OptionCodec.STRING, true, true);
    /** Disable GSSAPI encryption. */
    public static final SocketOption<Boolean> GSSAPI_PLAINTEXT =
            new SocketOption<>("GSSAPI_PLAINTEXT", zmq_h.ZMQ_GSSAPI_PLAINTEXT(), Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** Maximum time for the ZMTP handshake (zero = none). */
    public static final SocketOption<Duration> HANDSHAKE_IVL =
            new SocketOption<>("HANDSHAKE_IVL", zmq_h.ZMQ_HANDSHAKE_IVL(), Duration.class, OptionCodec.MILLIS, true, true);
    /**
     * SOCKS5 proxy address for tcp connects. Only {@code ""} (no proxy) is accepted: with libzmq
     * 4.3.4 a socket that closes after any failed SOCKS handshake — a proxy that is down is
     * enough — aborts the process, so setting a proxy throws {@link UnsupportedOperationException}.
     */
    public static final SocketOption<String> SOCKS_PROXY =
            new SocketOption<>("SOCKS_PROXY", zmq_h.ZMQ_SOCKS_PROXY(), String.class, OptionCodec.STRING, true, true);
    /** XPUB/PUB returns "would block" at the high-water mark instead of dropping. */
    public static final SocketOption<Boolean> XPUB_NODROP =
            new SocketOption<>("XPUB_NODROP", zmq_h.ZMQ_XPUB_NODROP(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** XPUB subscriptions are managed by the application. */
    public static final SocketOption<Boolean> XPUB_MANUAL =
            new SocketOption<>("XPUB_MANUAL", zmq_h.ZMQ_XPUB_MANUAL(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** Message an XPUB sends to each new subscriber. */
    public static final SocketOption<byte[]> XPUB_WELCOME_MSG =
            new SocketOption<>("XPUB_WELCOME_MSG", zmq_h.ZMQ_XPUB_WELCOME_MSG(), byte[].class, OptionCodec.BYTES, false, true);
    /** STREAM delivers connect and disconnect notifications. */
    public static final SocketOption<Boolean> STREAM_NOTIFY =
            new SocketOption<>("STREAM_NOTIFY", zmq_h.ZMQ_STREAM_NOTIFY(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** SUB/XSUB/PUB/XPUB match messages that do NOT start with a subscription. */
    public static final SocketOption<Boolean> INVERT_MATCHING =
            new SocketOption<>("INVERT_MATCHING", zmq_h.ZMQ_INVERT_MATCHING(), Boolean.class, OptionCodec.BOOLEAN, true, true);
    /** Interval of ZMTP heartbeats (zero = off). */
    public static final SocketOption<Duration> HEARTBEAT_IVL =
            new SocketOption<>("HEARTBEAT_IVL", zmq_h.ZMQ_HEARTBEAT_IVL(), Duration.class, OptionCodec.MILLIS, true, true);
    /** Time-to-live the peer should apply to heartbeats (whole deciseconds). */
    public static final SocketOption<Duration> HEARTBEAT_TTL =
            new SocketOption<>("HEARTBEAT_TTL", zmq_h.ZMQ_HEARTBEAT_TTL(), Duration.class, OptionCodec.MILLIS, true, true);
    /** How long to wait for traffic after a heartbeat before closing. */
    public static final SocketOption<Duration> HEARTBEAT_TIMEOUT =
            new SocketOption<>("HEARTBEAT_TIMEOUT", zmq_h.ZMQ_HEARTBEAT_TIMEOUT(), Duration.class, OptionCodec.MILLIS, true, true);
    /** XPUB passes on duplicate subscriptions and all unsubscriptions. */
    public static final SocketOption<Boolean> XPUB_VERBOSER =
            new SocketOption<>("XPUB_VERBOSER", zmq_h.ZMQ_XPUB_VERBOSER(), Boolean.class, OptionCodec.BOOLEAN, false, true);
    /** Timeout of a tcp connect (zero = OS default). */
    public static final SocketOption<Duration> CONNECT_TIMEOUT =
            new SocketOption<>("CONNECT_TIMEOUT", zmq_h.ZMQ_CONNECT_TIMEOUT(), Duration.class, OptionCodec.MILLIS, true, true);
    /** TCP_USER_TIMEOUT: maximum retransmission time (zero = OS default). */
    public static final SocketOption<Duration> TCP_MAXRT =
            new SocketOption<>("TCP_MAXRT", zmq_h.ZMQ_TCP_MAXRT(), Duration.class, OptionCodec.MILLIS, true, true);
    /** Whether the socket type is thread-safe (never, for the stable types). */
    public static final SocketOption<Boolean> THREAD_SAFE =
            new SocketOption<>("THREAD_SAFE", zmq_h.ZMQ_THREAD_SAFE(), Boolean.class, OptionCodec.BOOLEAN, true, false);
    /** Maximum multicast transport data unit in bytes. */
    public static final SocketOption<Integer> MULTICAST_MAXTPDU =
            new SocketOption<>("MULTICAST_MAXTPDU", zmq_h.ZMQ_MULTICAST_MAXTPDU(), Integer.class, OptionCodec.INT, true, true);
    /** VMCI buffer size (only if libzmq was built with VMCI; Debian's is not). */
    public static final SocketOption<Long> VMCI_BUFFER_SIZE =
            new SocketOption<>("VMCI_BUFFER_SIZE", zmq_h.ZMQ_VMCI_BUFFER_SIZE(), Long.class, OptionCodec.LONG, true, true);
    /** VMCI minimum buffer size (VMCI builds only). */
    public static final SocketOption<Long> VMCI_BUFFER_MIN_SIZE =
            new SocketOption<>("VMCI_BUFFER_MIN_SIZE", zmq_h.ZMQ_VMCI_BUFFER_MIN_SIZE(), Long.class, OptionCodec.LONG, true, true);
    /** VMCI maximum buffer size (VMCI builds only). */
    public static final SocketOption<Long> VMCI_BUFFER_MAX_SIZE =
            new SocketOption<>("VMCI_BUFFER_MAX_SIZE", zmq_h.ZMQ_VMCI_BUFFER_MAX_SIZE(), Long.class, OptionCodec.LONG, true, true);
    /** VMCI connect timeout (VMCI builds only). */
    public static final SocketOption<Duration> VMCI_CONNECT_TIMEOUT =
            new SocketOption<>("VMCI_CONNECT_TIMEOUT", zmq_h.ZMQ_VMCI_CONNECT_TIMEOUT(), Duration.class, OptionCodec.MILLIS, true, true);
    /**
     * Use this pre-bound file descriptor for the next tcp or ipc bind (-1 = off). It must be a
     * listening stream socket ({@code listen} called), checked when set and again at bind, where
     * its family must match the transport; anything else throws {@link IllegalArgumentException}
     * (libzmq would abort the process). libzmq gets a duplicate ({@code dup}) that it closes when
     * the listener ends: the caller keeps its descriptor, and closes it. Linux only
     * ({@link UnsupportedOperationException} elsewhere).
     */
    public static final SocketOption<Integer> USE_FD =
            new SocketOption<>("USE_FD", zmq_h.ZMQ_USE_FD(), Integer.class, OptionCodec.INT, true, true);
    /** Name type of {@link #GSSAPI_PRINCIPAL}. */
    public static final SocketOption<Integer> GSSAPI_PRINCIPAL_NAMETYPE =
            new SocketOption<>("GSSAPI_PRINCIPAL_NAMETYPE", zmq_h.ZMQ_GSSAPI_PRINCIPAL_NAMETYPE(), Integer.class, OptionCodec.INT, true, true);
    /** Name type of {@link #GSSAPI_SERVICE_PRINCIPAL}. */
    public static final SocketOption<Integer> GSSAPI_SERVICE_PRINCIPAL_NAMETYPE =
            new SocketOption<>("GSSAPI_SERVICE_PRINCIPAL_NAMETYPE", zmq_h.ZMQ_GSSAPI_SERVICE_PRINCIPAL_NAMETYPE(), Integer.class, OptionCodec.INT, true, true);
    /** Bind the underlying sockets to a network interface (SO_BINDTODEVICE). */
    public static final SocketOption<String> BINDTODEVICE =
            new SocketOption<>("BINDTODEVICE", zmq_h.ZMQ_BINDTODEVICE(), String.class, OptionCodec.STRING, true, true);

    /** {@return every option above, in declaration order} */
    public static List<SocketOption<?>> all() {
        return All.LIST;
    }

    /** Built on first use: reflection over 80 fields is not worth paying at startup. */
    private static final class All {
        static final List<SocketOption<?>> LIST = collect();
    }

    private static List<SocketOption<?>> collect() {
        List<SocketOption<?>> all = new ArrayList<>();
        for (Field f : SocketOptions.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == SocketOption.class) {
                try {
                    all.add((SocketOption<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return Collections.unmodifiableList(all);
    }
}
