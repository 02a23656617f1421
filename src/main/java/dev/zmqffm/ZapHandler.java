package dev.zmqffm;

import dev.zmqffm.internal.jfr.Events;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;

/**
 * The loop on an {@link Authenticator}'s thread: receives ZAP requests on the ROUTER bound at
 * {@code inproc://zeromq.zap.01}, answers each exactly once within the reply deadline, and reports
 * every decision to the audit sink.
 *
 * <p>Exactly-once: a request waiting for a verdict lives in {@link #pending} until either its
 * verdict or its deadline removes it, and only that removal sends the reply; a verdict arriving
 * after the deadline finds nothing and is dropped. libzmq asserts on a reply its handshake does
 * not wait for, so a late or second reply must never be sent.
 */
final class ZapHandler implements Runnable {
    private static final System.Logger LOG = System.getLogger("dev.zmqffm.security");
    private static final int MAX_FRAMES = 16;
    private static final int BATCH = 256;
    private static final long IDLE_POLL_MS = 50;
    /** After the last secured socket closes, its sessions finish asynchronously inside libzmq. */
    private static final long CLOSE_GRACE_NANOS = 200_000_000L;

    private record Waiting(ZapRequest request, long start, Instant time, long deadline) {}

    private record Completion(long id, DomainPolicy.Decided decided) {}

    private final Authenticator owner;
    private final Socket router;
    private final ExecutorService workers;
    private final FailureLimiter limiter;
    private final Map<Long, Waiting> pending = new HashMap<>();
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private long nextId;
    private long quietSince = -1;
    private boolean sinkFailed;

    ZapHandler(Authenticator owner, Socket router, ExecutorService workers, FailureLimiter limiter) {
        this.owner = owner;
        this.router = router;
        this.workers = workers;
        this.limiter = limiter;
    }

    @Override
    public void run() {
        boolean contextEnded = false;
        try (Poller poller = new Poller()) {
            int in = poller.register(router, PollEvent.IN);
            while (!finished()) {
                long wait = pending.isEmpty() ? IDLE_POLL_MS : 1;
                if (poller.poll(Duration.ofMillis(wait)) > 0 && poller.isReadable(in)) {
                    receiveBatch();
                }
                complete();
                expire();
            }
        } catch (ContextTerminatedException e) {
            // The context is closing: it closes the handler socket after every other socket.
            contextEnded = true;
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "ZAP handler stopped by an unexpected failure; its context's secured sockets "
                    + "now deny every peer", e);
            throw e;
        } finally {
            workers.shutdownNow();
            if (!contextEnded) {
                closeRouter();
            }
            owner.handlerEnded();
        }
    }

    private void closeRouter() {
        try {
            router.close();
        } catch (RuntimeException e) {
            // Closed by the context meanwhile.
        }
    }

    /** Closing, every secured socket closed for the grace period, nothing waiting. */
    private boolean finished() {
        if (!owner.isClosing()) {
            return false;
        }
        long now = System.nanoTime();
        if (!pending.isEmpty() || owner.hasOpenSecuredSockets()) {
            quietSince = -1;
            return false;
        }
        if (quietSince < 0) {
            quietSince = now;
        }
        return now - quietSince >= CLOSE_GRACE_NANOS;
    }

    private void receiveBatch() {
        for (int n = 0; n < BATCH; n++) {
            Optional<byte[]> first = router.receiveBytes(ReceiveFlags.DONT_WAIT);
            if (first.isEmpty()) {
                return;
            }
            List<byte[]> frames = new ArrayList<>();
            frames.add(first.get());
            while (router.hasMore()) {
                byte[] f = router.receiveBytes().orElseThrow();
                if (frames.size() <= MAX_FRAMES) {
                    frames.add(f);
                }
            }
            handle(frames);
        }
    }

    private void handle(List<byte[]> frames) {
        long start = System.nanoTime();
        Instant time = Instant.now();
        ZapRequest request;
        try {
            request = ZapRequest.decode(frames);
        } catch (ZapRequest.Malformed m) {
            audit(new AuditRecord(time, "", "", null, "", 500, "", "malformed request: " + m.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start)));
            Events.authentication("", "", "", "", 500, "malformed request: " + m.getMessage());
            if (m.envelope != null) {
                send(new ZapReply(m.envelope, m.requestId, 500, "malformed request", "", Map.of()));
            }
            return;
        }
        try {
            decide(request, start, time);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ZAP decision failed with " + e.getClass().getName() + " for " + request);
            reply(request, start, time, new DomainPolicy.Decided(500, Verdict.deny("internal error")));
        }
    }

    private void decide(ZapRequest request, long start, Instant time) {
        if (owner.isClosing()) {
            reply(request, start, time, DomainPolicy.denied("authenticator closed"));
            return;
        }
        if (request.domain().equals(SocketSecurity.ENCRYPTION_ONLY_DOMAIN)) {
            // Asked for by name on the server socket (SocketSecurity.curveEncryptionOnlyServer).
            reply(request, start, time, request.mechanism() == Mechanism.CURVE
                    ? new DomainPolicy.Decided(200, Verdict.allow(request.principal()))
                    : DomainPolicy.denied("encryption-only domain is for CURVE"));
            return;
        }
        DomainPolicy policy = owner.policy(request.domain());
        if (policy == null) {
            reply(request, start, time, DomainPolicy.denied("no policy for domain"));
            return;
        }
        DomainPolicy.Decided byAddress = policy.checkAddress(request.address());
        if (byAddress != null) {
            reply(request, start, time, byAddress);
            return;
        }
        if (limiter.isLimited(request.address(), start)) {
            reply(request, start, time, new DomainPolicy.Decided(400, Verdict.deny("too many failures from address")));
            return;
        }
        if (!policy.accepts(request.mechanism())) {
            reply(request, start, time, DomainPolicy.denied(request.mechanism() + " not enabled for domain"));
            return;
        }
        if (request.mechanism() != Mechanism.NULL && request.mechanism() != Mechanism.GSSAPI
                && pending.size() >= owner.maxInFlight()) {
            reply(request, start, time, new DomainPolicy.Decided(300, Verdict.deny("too many requests in flight")));
            return;
        }
        switch (policy.evaluate(request, workers, start)) {
            case DomainPolicy.Decided d -> reply(request, start, time, d);
            case DomainPolicy.Pending p -> wait(request, start, time, p);
        }
    }

    private void wait(ZapRequest request, long start, Instant time, DomainPolicy.Pending p) {
        long deadline = owner.replyDeadline().toNanos();
        if (p.deadline() != null) {
            deadline = Math.min(deadline, p.deadline().toNanos());
        }
        long id = nextId++;
        pending.put(id, new Waiting(request, start, time, start + deadline));
        p.stage().whenComplete((decided, failure) -> completions.add(new Completion(id, failure != null
                ? new DomainPolicy.Decided(500, Verdict.deny("verifier failed: " + rootName(failure)))
                : decided == null ? new DomainPolicy.Decided(500, Verdict.deny("verifier returned null")) : decided)));
    }

    private static String rootName(Throwable t) {
        while (t.getCause() != null && t instanceof java.util.concurrent.CompletionException) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    private void complete() {
        Completion c;
        while ((c = completions.poll()) != null) {
            Waiting w = pending.remove(c.id());
            if (w == null) {
                continue; // its deadline passed and it was answered already
            }
            DomainPolicy.Decided d = owner.isClosing() && c.decided().status() == 200
                    ? DomainPolicy.denied("authenticator closed") : c.decided();
            reply(w.request(), w.start(), w.time(), d);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        for (Iterator<Waiting> it = pending.values().iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (now - w.deadline() >= 0) {
                it.remove();
                reply(w.request(), w.start(), w.time(), new DomainPolicy.Decided(300, Verdict.deny("no verdict before the deadline")));
            }
        }
    }

    private void reply(ZapRequest r, long start, Instant time, DomainPolicy.Decided d) {
        Verdict v = d.verdict();
        Map<String, String> metadata = new java.util.LinkedHashMap<>(v.metadata());
        if (d.status() == 200) {
            metadata.put(Authenticator.TOKEN_PROPERTY, owner.token());
            metadata.put(Authenticator.USER_ID_PROPERTY, v.userId());
        }
        if (d.status() == 400) {
            limiter.failed(r.address(), start);
        } else if (d.status() == 200) {
            limiter.succeeded(r.address());
        }
        // Audited before the reply is sent: a record always exists by the time the peer is let in.
        audit(new AuditRecord(time, r.domain(), r.address(), r.mechanism(), r.principal(), d.status(),
                d.status() == 200 ? v.userId() : "", v.reason(), Duration.ofNanos(System.nanoTime() - start)));
        // The principal, never the credentials: a PLAIN password must not reach a recording.
        Events.authentication(r.domain(), r.address(), r.mechanism().name(), r.principal(), d.status(), v.reason());
        send(new ZapReply(r.envelope(), r.requestId(), d.status(), d.status() == 200 ? "OK" : "denied",
                v.userId(), metadata));
    }

    private void send(ZapReply reply) {
        // A ROUTER drops a reply to a session that has gone (the peer disconnected meanwhile).
        router.sendMultipart(reply.frames());
    }

    private void audit(AuditRecord record) {
        try {
            owner.auditSink().accept(record);
        } catch (RuntimeException e) {
            if (!sinkFailed) {
                sinkFailed = true;
                LOG.log(Level.WARNING, "the audit sink threw " + e.getClass().getName() + "; further failures are not logged");
            }
        }
    }
}
