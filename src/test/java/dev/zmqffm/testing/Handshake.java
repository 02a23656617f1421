package dev.zmqffm.testing;

import dev.zmqffm.Authenticator;
import dev.zmqffm.Context;
import dev.zmqffm.Message;
import dev.zmqffm.MonitorEvent;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketMonitor;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One connection attempt between a PULL server and a PUSH client, each configured by the test,
 * observed from both sides with socket monitors: which handshake event each side saw, and what (if
 * anything) reached the server application, with its User-Id as libzmq reports it and as the
 * authenticator vouches for it.
 */
public final class Handshake {
    private static final Set<MonitorEvent.Type> EVENTS = EnumSet.of(MonitorEvent.Type.HANDSHAKE_SUCCEEDED,
            MonitorEvent.Type.HANDSHAKE_FAILED_AUTH, MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL,
            MonitorEvent.Type.HANDSHAKE_FAILED_NO_DETAIL, MonitorEvent.Type.DISCONNECTED);
    private static final Duration WAIT = Duration.ofSeconds(5);

    /**
     * What happened.
     *
     * @param server the server's first handshake event (DISCONNECTED when it only saw the peer go)
     * @param client the client's first handshake event, if any within the wait
     * @param received the text the server application received, if any
     * @param userId the message's User-Id property as libzmq reports it
     * @param verifiedUserId the User-Id the authenticator vouches for
     * @param role the message's {@code Role} property (metadata a policy attached), if any
     */
    public record Result(Optional<MonitorEvent> server, Optional<MonitorEvent> client, Optional<String> received,
            Optional<String> userId, Optional<String> verifiedUserId, Optional<String> role) {

        /** Whether the server side saw an authentication failure with this ZAP status. */
        public boolean serverSawAuthFailure(int status) {
            return server.isPresent() && server.get().type() == MonitorEvent.Type.HANDSHAKE_FAILED_AUTH
                    && server.get().value() == status;
        }

        /** Whether the client side saw an authentication failure with this ZAP status. */
        public boolean clientSawAuthFailure(int status) {
            return client.isPresent() && client.get().type() == MonitorEvent.Type.HANDSHAKE_FAILED_AUTH
                    && client.get().value() == status;
        }

        /** Whether both sides completed the handshake. */
        public boolean succeeded() {
            return server.map(e -> e.type() == MonitorEvent.Type.HANDSHAKE_SUCCEEDED).orElse(false)
                    && client.map(e -> e.type() == MonitorEvent.Type.HANDSHAKE_SUCCEEDED).orElse(false);
        }
    }

    private Handshake() {}

    /** Runs one attempt; the client sends {@code text} right after connecting to the bound endpoint. */
    public static Result attempt(Context ctx, Authenticator auth, Consumer<Socket> server, Consumer<Socket> client,
            String bindEndpoint, String text) {
        return attempt(ctx, auth, server, client, bindEndpoint, UnaryOperator.identity(), text);
    }

    /** Runs one attempt; the client connects to {@code connectTo} applied to the bound endpoint. */
    public static Result attempt(Context ctx, Authenticator auth, Consumer<Socket> server, Consumer<Socket> client,
            String bindEndpoint, UnaryOperator<String> connectTo, String text) {
        try (Socket pull = ctx.socket(SocketType.PULL); Socket push = ctx.socket(SocketType.PUSH)) {
            server.accept(pull);
            client.accept(push);
            // One attempt: a denied client would otherwise retry every 100 ms.
            push.set(SocketOptions.RECONNECT_IVL, Duration.ofSeconds(30));
            // A denied client's frame stays queued: do not let closing wait for it.
            push.set(SocketOptions.LINGER, Duration.ZERO);
            try (SocketMonitor sm = SocketMonitor.start(pull, EVENTS); SocketMonitor cm = SocketMonitor.start(push, EVENTS)) {
                String ep = pull.bind(bindEndpoint);
                push.connect(connectTo.apply(ep));
                push.send(text);
                Optional<MonitorEvent> s = sm.next(WAIT);
                boolean ok = s.isPresent() && s.get().type() == MonitorEvent.Type.HANDSHAKE_SUCCEEDED;
                Optional<MonitorEvent> c = cm.next(ok ? WAIT : Duration.ofMillis(500));
                try (Message m = new Message()) {
                    // A denied peer's frame would arrive at once if at all; a short wait says it did not.
                    if (pull.receive(m, ok ? WAIT : Duration.ofMillis(200))) {
                        Optional<String> v = auth == null ? Optional.empty() : auth.verifiedUserId(m);
                        return new Result(s, c, Optional.of(m.text()), m.property("User-Id"), v, m.property("Role"));
                    }
                }
                return new Result(s, c, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            }
        }
    }
}
