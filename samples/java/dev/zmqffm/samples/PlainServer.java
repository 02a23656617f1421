package dev.zmqffm.samples;

import dev.zmqffm.Authenticator;
import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.DomainPolicy;
import dev.zmqffm.Message;
import dev.zmqffm.PasswordStore;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketSecurity;
import dev.zmqffm.SocketType;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PLAIN server on loopback whose users are in a password file (read again when it changes).
 *
 * <pre>
 * ZMQFFM_PASSWORD=tr0ub4dor scripts/sample plain-server hash alice >> users.pw   # a hashed entry
 *                                       (optional 3rd argument: PBKDF2 iterations, default 100000)
 * scripts/sample plain-server tcp://127.0.0.1:5558 users.pw
 * </pre>
 *
 * <p>Each check of a hashed password costs its PBKDF2 iterations in CPU, and must finish within the
 * authenticator's reply deadline (3 s here) or the client gets a temporary failure and retries: choose
 * the iterations for the slowest moment of the machine.
 *
 * <p>Answers every request with {@code <User-Id>:<request>} (the user name). PLAIN sends the
 * password in clear, so this binds loopback (or ipc) only: any other address is refused. SIGINT or
 * SIGTERM ends it with status 0.
 */
public final class PlainServer {
    private PlainServer() {}

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("hash")) {
            int iterations = args.length > 2 ? Integer.parseInt(args[2]) : PasswordStore.DEFAULT_ITERATIONS;
            System.out.println(PasswordStore.hashEntry(args[1], PlainClient.password(), iterations));
            return;
        }
        if (args.length != 2) {
            System.err.println("usage: plain-server ENDPOINT PASSWORD_FILE | plain-server hash USER [ITERATIONS]");
            System.exit(2);
        }
        DomainPolicy users = DomainPolicy.builder().plain(PasswordStore.file(Path.of(args[1]))).build();
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.builder(ctx)
                     // Room for a PBKDF2 check on a busy machine (HANDSHAKE_IVL, 30 s, stays longer).
                     .replyDeadline(Duration.ofSeconds(3))
                     .policy("plain-server", users)
                     .audit(r -> System.err.println("plain-server: " + r.status() + " " + r.principal() + " from "
                             + r.address() + " (" + r.reason() + ")"))
                     .start();
             Socket responder = ctx.socket(SocketType.REP);
             Message request = new Message()) {
            Shutdown.onSignal(ctx);
            SocketSecurity.plainServer(auth, "plain-server").applyTo(responder);
            responder.bind(args[0]);
            System.err.println("plain-server: listening on " + args[0]);
            while (true) {
                responder.receive(request);
                responder.send(auth.verifiedUserId(request).orElse("?") + ":" + request.text());
            }
        } catch (ContextTerminatedException stopping) {
            System.err.println("plain-server: stopped");
        }
    }
}
