package dev.zmqffm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Who may connect to the server sockets of one ZAP domain: address rules, and for each mechanism
 * the domain accepts, who is allowed. A mechanism not configured here is denied, and so is a
 * domain with no policy: the {@link Authenticator} fails closed.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=domain-policy}
 *
 * <p><b>Addresses.</b> With an allow list, only addresses in it are accepted; an address in the
 * deny list is refused even if also allowed. Ranges are CIDR ({@code 192.168.0.0/16},
 * {@code fd00::/8}) or single literal addresses; IPv4-mapped IPv6 ({@code ::ffff:10.1.2.3}) matches
 * the IPv4 rules. Rules apply to every mechanism of the domain. A peer whose address cannot be
 * parsed (ipc) is refused when the domain has address rules.
 *
 * <p><b>Mechanisms.</b>
 * <ul>
 *   <li>NULL: {@link Builder#allowNull()}, only together with an allow list (the address is all
 *       NULL offers to decide on). {@code User-Id} is empty.</li>
 *   <li>PLAIN: {@link Builder#plain(PasswordStore)}. {@code User-Id} is the user name.</li>
 *   <li>CURVE: exactly one of {@link Builder#curveKeys}, {@link Builder#curveCertificates},
 *       {@link Builder#curveVerifier} or {@link Builder#curveAnyClientKey()} (the last accepts any
 *       key: encryption without client authentication, asked for by name). Keys in
 *       {@link Builder#denyKeys} are refused whatever the source says. {@code User-Id} is the
 *       key's Z85 text unless the source chose one.</li>
 *   <li>GSSAPI: {@link Builder#gssapiPrincipals}, exact principal names.</li>
 * </ul>
 */
public final class DomainPolicy {
    private final List<IpRange> allow;
    private final List<IpRange> deny;
    private final boolean nullAllowed;
    private final PasswordStore passwords;
    private final Map<CurveKey, String> curveKeys;
    private final CertificateDirectory curveDirectory;
    private final CurveVerifier verifier;
    private final Duration verifierDeadline;
    private final boolean anyClientKey;
    private final Set<CurveKey> deniedKeys;
    private final Set<String> principals;

    private DomainPolicy(Builder b) {
        this.allow = List.copyOf(b.allow);
        this.deny = List.copyOf(b.deny);
        this.nullAllowed = b.nullAllowed;
        this.passwords = b.passwords;
        this.curveKeys = b.curveKeys == null ? null : Map.copyOf(b.curveKeys);
        this.curveDirectory = b.curveDirectory == null ? null : new CertificateDirectory(b.curveDirectory);
        this.verifier = b.verifier;
        this.verifierDeadline = b.verifierDeadline;
        this.anyClientKey = b.anyClientKey;
        this.deniedKeys = Set.copyOf(b.deniedKeys);
        this.principals = b.principals == null ? null : Set.copyOf(b.principals);
    }

    /** {@return A builder with nothing allowed} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return whether this policy lets any peer of {@code mechanism} in (it is configured)}
     *
     * @param mechanism the security mechanism of a handshake
     */
    public boolean accepts(Mechanism mechanism) {
        return switch (mechanism) {
            case NULL -> nullAllowed;
            case PLAIN -> passwords != null;
            case CURVE -> curveKeys != null || curveDirectory != null || verifier != null || anyClientKey;
            case GSSAPI -> principals != null;
        };
    }

    /**
     * {@return whether this policy accepts any CURVE client key (encryption without client authentication)}
     */
    public boolean acceptsAnyClientKey() {
        return anyClientKey;
    }

    /** The verifier's deadline, or null without a verifier. */
    Duration verifierDeadline() {
        return verifierDeadline;
    }

    /** Builds a {@link DomainPolicy}. Not thread-safe. */
    public static final class Builder {
        private final List<IpRange> allow = new ArrayList<>();
        private final List<IpRange> deny = new ArrayList<>();
        private boolean nullAllowed;
        private PasswordStore passwords;
        private Map<CurveKey, String> curveKeys;
        private Path curveDirectory;
        private CurveVerifier verifier;
        private Duration verifierDeadline;
        private boolean anyClientKey;
        private final List<CurveKey> deniedKeys = new ArrayList<>();
        private Set<String> principals;

        private Builder() {}

        /**
         * Accepts peers from these CIDR ranges or literal addresses only.
         *
         * @param ranges {@code address} or {@code address/prefix}, IPv4 or IPv6, no host names;
         *         adds to earlier calls
         * @return this builder
         * @throws IllegalArgumentException if a range is not a literal address with an optional
         *         valid prefix
         */
        public Builder allowAddresses(String... ranges) {
            for (String r : ranges) {
                allow.add(IpRange.parse(r));
            }
            return this;
        }

        /**
         * Refuses peers from these CIDR ranges or literal addresses, even if allowed.
         *
         * @param ranges as for {@link #allowAddresses}; adds to earlier calls
         * @return this builder
         * @throws IllegalArgumentException if a range is not a literal address with an optional
         *         valid prefix
         */
        public Builder denyAddresses(String... ranges) {
            for (String r : ranges) {
                deny.add(IpRange.parse(r));
            }
            return this;
        }

        /**
         * Accepts NULL peers that pass the address rules (needs an allow list).
         *
         * @return this builder
         */
        public Builder allowNull() {
            nullAllowed = true;
            return this;
        }

        /**
         * Accepts PLAIN peers whose user name and password are in {@code store}.
         *
         * @param store the user names and their passwords
         * @return this builder
         */
        public Builder plain(PasswordStore store) {
            passwords = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Accepts CURVE clients with these keys; {@code User-Id} is the key's Z85 text.
         *
         * @param keys the client public keys let in
         * @return this builder
         * @throws IllegalStateException if another CURVE allow source is set already (a domain has
         *         one)
         */
        public Builder curveKeys(Collection<CurveKey> keys) {
            Map<CurveKey, String> m = new HashMap<>();
            for (CurveKey k : keys) {
                m.put(k, k.toZ85());
            }
            return curveKeys(m);
        }

        /**
         * Accepts CURVE clients with these keys, each with the {@code User-Id} given.
         *
         * @param keysToUserIds each client public key let in, with the {@code User-Id} its messages
         *         carry
         * @return this builder
         * @throws IllegalStateException if another CURVE allow source is set already (a domain has
         *         one)
         */
        public Builder curveKeys(Map<CurveKey, String> keysToUserIds) {
            curveSource();
            curveKeys = Map.copyOf(keysToUserIds);
            return this;
        }

        /**
         * Accepts CURVE clients whose public certificate is in {@code directory} (pyzmq's and CZMQ's
         * format), read again when the directory changes (seen within 100 ms). {@code User-Id} is the
         * key's Z85 text; the certificate's metadata is attached to the peer's messages.
         *
         * @param directory a directory of public certificate files (hidden and {@code *_secret}
         *         files are skipped)
         * @return this builder
         * @throws IllegalStateException if another CURVE allow source is set already (a domain has
         *         one)
         */
        public Builder curveCertificates(Path directory) {
            curveSource();
            curveDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Asks {@code verifier} about each CURVE client; a verdict later than {@code deadline} (or
         * than the authenticator's reply deadline, if shorter) counts as a temporary failure.
         *
         * @param verifier called on the authenticator's thread for each CURVE handshake
         * @param deadline positive
         * @return this builder
         * @throws IllegalArgumentException if {@code deadline} is not positive
         * @throws IllegalStateException if another CURVE allow source is set already (a domain has
         *         one)
         */
        public Builder curveVerifier(CurveVerifier verifier, Duration deadline) {
            curveSource();
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("verifier deadline must be positive");
            }
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            this.verifierDeadline = deadline;
            return this;
        }

        /**
         * Accepts every CURVE client key: the connection is encrypted and the server authenticated,
         * but anyone who knows the server's public key gets in. Keys in {@link #denyKeys} are still
         * refused.
         *
         * @return this builder
         * @throws IllegalStateException if another CURVE allow source is set already (a domain has
         *         one)
         */
        public Builder curveAnyClientKey() {
            curveSource();
            anyClientKey = true;
            return this;
        }

        private void curveSource() {
            if (curveKeys != null || curveDirectory != null || verifier != null || anyClientKey) {
                throw new IllegalStateException("a domain has one CURVE allow source");
            }
        }

        /**
         * Refuses these CURVE client keys whatever the allow source says.
         *
         * @param keys client public keys to refuse; adds to earlier calls
         * @return this builder
         */
        public Builder denyKeys(Collection<CurveKey> keys) {
            deniedKeys.addAll(keys);
            return this;
        }

        /**
         * Accepts GSSAPI peers with these principal names.
         *
         * @param names the principal names let in; replaces an earlier set
         * @return this builder
         */
        public Builder gssapiPrincipals(Set<String> names) {
            principals = Set.copyOf(names);
            return this;
        }

        /**
         * The policy.
         *
         * @return an immutable policy for {@link Authenticator#setPolicy}
         * @throws IllegalStateException if NULL is allowed without an address allow list
         */
        public DomainPolicy build() {
            if (nullAllowed && allow.isEmpty()) {
                throw new IllegalStateException("NULL peers can only be told apart by address: allowNull() needs "
                        + "allowAddresses(...)");
            }
            return new DomainPolicy(this);
        }
    }

    // --- evaluation (handler thread) ------------------------------------------------------

    /** A decision now, or a verdict to wait for. */
    sealed interface Outcome permits Decided, Pending {}

    /** Decided: the ZAP status and the verdict. */
    record Decided(int status, Verdict verdict) implements Outcome {}

    /** To wait for, at most until {@code deadlineNanos}; a thrown or failed stage is status 500. */
    record Pending(CompletionStage<Decided> stage, Duration deadline) implements Outcome {}

    /** The address rules' verdict, or null if they let the peer through. */
    Decided checkAddress(String address) {
        if (allow.isEmpty() && deny.isEmpty()) {
            return null;
        }
        byte[] addr;
        try {
            addr = IpRange.address(address);
        } catch (IllegalArgumentException e) {
            return denied("address not an IP address");
        }
        for (IpRange r : deny) {
            if (r.contains(addr)) {
                return denied("address in deny list " + r);
            }
        }
        if (allow.isEmpty()) {
            return null;
        }
        for (IpRange r : allow) {
            if (r.contains(addr)) {
                return null;
            }
        }
        return denied("address not in allow list");
    }

    /** The mechanism's decision for a request that passed the address rules. */
    Outcome evaluate(ZapRequest request, Executor executor, long now) {
        return switch (request.mechanism()) {
            case NULL -> nullAllowed ? allowed("", Map.of()) : denied("NULL not enabled");
            case PLAIN -> plain(request, executor);
            case CURVE -> curve(request, now);
            case GSSAPI -> principals != null && principals.contains(request.principal())
                    ? allowed(request.principal(), Map.of()) : denied("principal not allowed");
        };
    }

    private Outcome plain(ZapRequest request, Executor executor) {
        if (passwords == null) {
            return denied("PLAIN not enabled");
        }
        String user = request.principal();
        byte[] password = request.credentials().get(1);
        // Off the handler thread: a PBKDF2 hash takes tens of milliseconds.
        CompletableFuture<Decided> check = CompletableFuture.supplyAsync(() -> switch (passwords.check(user, password)) {
            case ALLOWED -> allowed(user, Map.of());
            case DENIED -> denied("wrong user name or password");
            case UNAVAILABLE -> new Decided(300, Verdict.deny(String.valueOf(passwords.problem())));
        }, executor);
        return new Pending(check, null);
    }

    private Outcome curve(ZapRequest request, long now) {
        CurveKey key = CurveKey.ofBytes(request.credentials().get(0));
        if (deniedKeys.contains(key)) {
            return denied("key in deny list");
        }
        if (anyClientKey) {
            return allowed(key.toZ85(), Map.of());
        }
        if (curveKeys != null) {
            String userId = curveKeys.get(key);
            return userId != null ? allowed(userId, Map.of()) : denied("key not in allow list");
        }
        if (curveDirectory != null) {
            Certificate c = curveDirectory.find(key, now);
            return c != null ? allowed(key.toZ85(), usable(c.metadata())) : denied("key not in certificate directory");
        }
        if (verifier != null) {
            CompletionStage<Verdict> stage;
            try {
                stage = Objects.requireNonNull(verifier.verify(request.domain(), request.address(), key), "verdict stage");
            } catch (RuntimeException e) {
                return new Decided(500, Verdict.deny("verifier threw " + e.getClass().getSimpleName()));
            }
            return new Pending(stage.thenApply(v -> v.allowed() ? new Decided(200, v) : new Decided(400, v)),
                    verifierDeadline);
        }
        return denied("CURVE not enabled");
    }

    /** Certificate metadata that can travel as ZMTP properties. */
    private static Map<String, String> usable(Map<String, String> metadata) {
        Map<String, String> m = new HashMap<>();
        metadata.forEach((k, v) -> {
            int n = k.getBytes(StandardCharsets.UTF_8).length;
            if (n > 0 && n <= 255 && !Authenticator.isReservedProperty(k)) {
                m.put(k, v);
            }
        });
        return m;
    }

    private static Decided allowed(String userId, Map<String, String> metadata) {
        return new Decided(200, Verdict.allow(userId, metadata));
    }

    static Decided denied(String reason) {
        return new Decided(400, Verdict.deny(reason));
    }
}
