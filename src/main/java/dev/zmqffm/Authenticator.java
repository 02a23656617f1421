package dev.zmqffm;

import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The ZAP handler of one context: decides, for every secured server socket of the context, who may
 * connect, and fails closed — an unknown domain, an unconfigured mechanism, a malformed request, a
 * slow verifier or a closed authenticator all deny.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=authenticator}
 *
 * <p><b>Thread.</b> The handler runs on its own platform thread, bound at
 * {@code inproc://zeromq.zap.01} with a ROUTER socket (libzmq aborts the process for any other
 * type). One authenticator per context. Password hashes and {@link CurveVerifier}s run on a
 * small worker pool, so the handler keeps answering while they work.
 *
 * <p><b>Replies.</b> Every request gets exactly one well-formed reply within
 * {@link Builder#replyDeadline(Duration) the reply deadline} (1 s by default; the sockets'
 * HANDSHAKE_IVL must be longer, see {@link SecurityRule#HANDSHAKE_TOO_SHORT}): 200 allowed, 300 a
 * temporary failure (verdict too late, too many requests in flight, password file unusable; the
 * client disconnects silently and retries), 400 denied, 500 an error (malformed request, failing
 * verifier). At most {@link Builder#maxInFlight(int)} requests wait for a verdict at once; an
 * address that failed {@link Builder#failureLimit(int, Duration) too often} is denied without its
 * credentials being checked until its failures age out of the window.
 *
 * <p><b>Audit.</b> Every decision goes to the {@link Builder#audit(Consumer) audit sink} as an
 * {@link AuditRecord} (by default logger {@code dev.zmqffm.audit}: denials at INFO, admissions at
 * DEBUG). Records hold no password and no secret key. The sink runs on the handler thread: keep it
 * quick.
 *
 * <p><b>Who set the User-Id.</b> libzmq attaches the {@code User-Id} of the ZAP reply to every
 * message of the peer — but a peer whose handshake was not checked by ZAP can put its own
 * {@code User-Id} property in its handshake. {@link #verifiedUserId(Message)} returns the
 * {@code User-Id} only if this authenticator admitted the peer: every admission carries a property
 * with a random per-authenticator token that no peer knows, and the User-Id in a property of its
 * own (ZAP metadata takes precedence over whatever the peer sent).
 *
 * <p><b>Closing.</b> {@link #close()} makes the authenticator deny every new request at once. The
 * handler socket itself stays until every socket secured with it (by {@link SocketSecurity}) is
 * closed: libzmq aborts the process if a handshake writes to a handler that is gone. When they are,
 * the thread ends and another authenticator may start in the context. {@link Context#close()}
 * closes the handler socket after all the others.
 */
public final class Authenticator implements AutoCloseable {
    /** The metadata property carrying this authenticator's token on admitted peers' messages. */
    static final String TOKEN_PROPERTY = "ZmqFfm-Authenticator";
    /**
     * The User-Id this authenticator chose, as its own property: libzmq omits an empty ZAP User-Id,
     * which would let a peer's own {@code User-Id} property through; ZAP metadata always wins.
     */
    static final String USER_ID_PROPERTY = "ZmqFfm-User-Id";
    private static final Set<String> RESERVED = Set.of("user-id", "socket-type", "routing-id", "identity",
            "peer-address", TOKEN_PROPERTY.toLowerCase(Locale.ROOT), USER_ID_PROPERTY.toLowerCase(Locale.ROOT));
    private static final System.Logger AUDIT_LOG = System.getLogger("dev.zmqffm.audit");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Context context;
    private final Map<String, DomainPolicy> policies;
    private final Duration replyDeadline;
    private final int maxInFlight;
    private final Consumer<AuditRecord> audit;
    private final String token;
    private final Set<Socket> secured = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private final Socket router;
    private volatile boolean closing;
    private volatile boolean ended;

    private Authenticator(Builder b) {
        this.context = b.context;
        this.policies = new ConcurrentHashMap<>(b.policies);
        this.replyDeadline = b.replyDeadline;
        this.maxInFlight = b.maxInFlight;
        this.audit = b.audit;
        byte[] t = new byte[16];
        RANDOM.nextBytes(t);
        this.token = HexFormat.of().formatHex(t);
        if (!context.attachAuthenticator(this)) {
            throw new IllegalStateException("this context already has an authenticator");
        }
        Socket s = null;
        try {
            s = context.socket(SocketType.ROUTER);
            s.set(SocketOptions.LINGER, Duration.ZERO);
            bindHandler(s);
        } catch (RuntimeException e) {
            if (s != null) {
                s.close();
            }
            context.detachAuthenticator(this);
            throw e;
        }
        this.router = s;
        ExecutorService workers = Executors.newFixedThreadPool(b.workers, r -> {
            Thread w = new Thread(r, "zmq-ffm-zap-worker");
            w.setDaemon(true);
            return w;
        });
        FailureLimiter limiter = new FailureLimiter(b.maxFailures, b.failureWindow.toNanos());
        this.thread = new Thread(new ZapHandler(this, router, workers, limiter), "zmq-ffm-zap-handler");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * libzmq unregisters a closed socket's inproc endpoints asynchronously (when it reaps the
     * socket): a new authenticator right after the previous one ended may briefly find the
     * endpoint still taken.
     */
    private static void bindHandler(Socket s) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                s.bind(Socket.ZAP_ENDPOINT);
                return;
            } catch (AddressInUseException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Starts an authenticator for {@code context} with no policy yet (so every peer is denied).
     *
     * @param context the context whose ZAP endpoint ({@code inproc://zeromq.zap.01}) the handler
     *         binds
     * @return the running authenticator; close it after the sockets it secures
     */
    public static Authenticator start(Context context) {
        return builder(context).start();
    }

    /**
     * A builder for an authenticator of {@code context}.
     *
     * @param context the context the authenticator will serve
     * @return a builder with the defaults listed on its methods
     */
    public static Builder builder(Context context) {
        return new Builder(Objects.requireNonNull(context, "context"));
    }

    /** Configures an {@link Authenticator}. */
    public static final class Builder {
        private final Context context;
        private final Map<String, DomainPolicy> policies = new HashMap<>();
        private Duration replyDeadline = Duration.ofSeconds(1);
        private int maxInFlight = 64;
        private int workers = 2;
        private int maxFailures = 10;
        private Duration failureWindow = Duration.ofSeconds(10);
        private Consumer<AuditRecord> audit = Authenticator::log;

        private Builder(Context context) {
            this.context = context;
        }

        /**
         * The policy of one ZAP domain (see {@link Authenticator#setPolicy}).
         *
         * @param domain a non-empty ZAP domain, as set on server sockets with
         *         {@link SocketSecurity}
         * @param policy who may connect to sockets of that domain
         * @return this builder
         * @throws InsecureConfigurationException if {@code domain} is empty (rule
         *         {@link SecurityRule#EMPTY_DOMAIN})
         * @throws IllegalArgumentException if {@code domain} is the one reserved for
         *         {@link SocketSecurity#curveEncryptionOnlyServer}, or holds a NUL character
         */
        public Builder policy(String domain, DomainPolicy policy) {
            policies.put(checkDomain(domain), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Longest time before any reply (default 1 s); a verdict not known by then is status 300.
         *
         * @param deadline more than zero and at most one minute
         * @return this builder
         * @throws IllegalArgumentException if {@code deadline} is out of that range
         */
        public Builder replyDeadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("reply deadline must be between 0 and 1 minute: " + deadline);
            }
            replyDeadline = deadline;
            return this;
        }

        /**
         * Most requests waiting for a verdict at once (default 64); more get status 300.
         *
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is less than 1
         */
        public Builder maxInFlight(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxInFlight must be positive");
            }
            maxInFlight = max;
            return this;
        }

        /**
         * Threads checking passwords (default 2).
         *
         * @param threads at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is less than 1
         */
        public Builder workers(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("workers must be positive");
            }
            workers = threads;
            return this;
        }

        /**
         * Denies an address without checking its credentials once it failed {@code failures} times
         * within {@code window} (default 10 in 10 s); 0 turns the limit off.
         *
         * @param failures failed attempts that block an address; 0 for no limit
         * @param window how far back failures count; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code failures} is negative or {@code window} is not
         *         positive
         */
        public Builder failureLimit(int failures, Duration window) {
            if (failures < 0 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("failure limit needs failures >= 0 and a positive window");
            }
            maxFailures = failures;
            failureWindow = window;
            return this;
        }

        /**
         * Where decisions go (default: logger {@code dev.zmqffm.audit}).
         *
         * @param sink called once per decision, on the handler thread, so it should return quickly
         * @return this builder
         */
        public Builder audit(Consumer<AuditRecord> sink) {
            audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Binds the handler and starts its thread.
         *
         * @return the running authenticator
         * @throws IllegalStateException if the context already has an authenticator
         */
        public Authenticator start() {
            return new Authenticator(this);
        }
    }

    private static String checkDomain(String domain) {
        if (domain.isEmpty()) {
            throw new InsecureConfigurationException(SecurityRule.EMPTY_DOMAIN, "policy for the empty domain");
        }
        if (domain.equals(SocketSecurity.ENCRYPTION_ONLY_DOMAIN)) {
            throw new IllegalArgumentException("domain " + domain + " is reserved for SocketSecurity.curveEncryptionOnlyServer");
        }
        CStrings.checked(domain, "domain");
        return domain;
    }

    private static void log(AuditRecord r) {
        Level level = r.allowed() ? Level.DEBUG : Level.INFO;
        if (AUDIT_LOG.isLoggable(level)) {
            AUDIT_LOG.log(level, "ZAP " + r.status() + " domain=" + r.domain() + " address=" + r.address() + " mechanism="
                    + r.mechanism() + " principal=" + r.principal() + " userId=" + r.userId() + " reason=" + r.reason()
                    + " latency=" + r.latency().toNanos() / 1000 + "us");
        }
    }

    /**
     * Sets or replaces the policy of {@code domain}; requests from now on use it.
     *
     * @param domain a non-empty ZAP domain
     * @param policy who may connect to sockets of that domain
     * @throws InsecureConfigurationException if {@code domain} is empty
     * @throws IllegalArgumentException if {@code domain} is reserved or holds a NUL character
     */
    public void setPolicy(String domain, DomainPolicy policy) {
        policies.put(checkDomain(domain), Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Removes the policy of {@code domain}: its peers are denied from now on.
     *
     * @param domain the ZAP domain; nothing happens if it has no policy
     */
    public void removePolicy(String domain) {
        policies.remove(domain);
    }

    /**
     * {@return the policy of {@code domain}, if any}
     *
     * @param domain the ZAP domain
     */
    public Optional<DomainPolicy> policyOf(String domain) {
        return Optional.ofNullable(policies.get(domain));
    }

    /** {@return the context this authenticator serves} */
    public Context context() {
        return context;
    }

    /** {@return the longest time before any reply} */
    public Duration replyDeadline() {
        return replyDeadline;
    }

    /**
     * The {@code User-Id} of the peer that sent {@code message}, if this authenticator admitted
     * it; empty for a peer it did not check (whatever {@code User-Id} that peer claimed).
     *
     * @param message a message received on a socket secured with this authenticator
     * @return the user id this authenticator gave the peer ({@code ""} if its verdict set none), or
     *         empty
     */
    public Optional<String> verifiedUserId(Message message) {
        Optional<String> t = message.property(TOKEN_PROPERTY);
        if (t.isEmpty() || !MessageDigest.isEqual(t.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                token.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(message.property(USER_ID_PROPERTY).orElse(""));
    }

    /**
     * {@return whether the handler thread is still answering (possibly denying everything after close)}
     */
    public boolean isRunning() {
        return !ended;
    }

    /** {@return whether {@link #close()} was called: every new request is denied} */
    public boolean isClosing() {
        return closing;
    }

    /**
     * Denies every new request from now on, and stops the handler once every socket secured with
     * this authenticator is closed (at once, if none is open). Returns without waiting for those
     * sockets; when none is open it waits up to a second for the thread to end. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        if (!hasOpenSecuredSockets()) {
            awaitTermination(Duration.ofSeconds(1));
        }
    }

    /**
     * Waits for the handler thread to end; returns whether it has.
     *
     * @param timeout longest wait
     * @return {@code true} if the thread has ended (an interrupt ends the wait early and is kept
     *         set)
     */
    public boolean awaitTermination(Duration timeout) {
        try {
            thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    @Override
    public String toString() {
        return "Authenticator[" + (ended ? "stopped" : closing ? "denying all" : "running") + ", domains="
                + policies.keySet() + "]";
    }

    // --- package-private: SocketSecurity, Context and the handler ------------------------------

    static boolean isReservedProperty(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    DomainPolicy policy(String domain) {
        return policies.get(domain);
    }

    /** A socket secured with this authenticator; the handler stays until it is closed. */
    void track(Socket socket) {
        secured.add(socket);
    }

    boolean hasOpenSecuredSockets() {
        secured.removeIf(Socket::isClosed);
        return !secured.isEmpty();
    }

    boolean isHandlerSocket(Socket s) {
        return s == router;
    }

    int maxInFlight() {
        return maxInFlight;
    }

    String token() {
        return token;
    }

    Consumer<AuditRecord> auditSink() {
        return audit;
    }

    void handlerEnded() {
        ended = true;
        context.detachAuthenticator(this);
    }

    /** Waits (bounded) for the handler thread after its context closed. */
    void contextClosed() {
        awaitTermination(Duration.ofSeconds(5));
    }
}
