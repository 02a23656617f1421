package dev.zmqffm.samples;

import dev.zmqffm.Authenticator;
import dev.zmqffm.Certificate;
import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.DomainPolicy;
import dev.zmqffm.Message;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketSecurity;
import dev.zmqffm.SocketType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A CURVE server that only answers clients whose public certificate is in a directory (pyzmq's
 * {@code zmq.auth.create_certificates} format, read again when the directory changes).
 *
 * <pre>
 * scripts/sample secure-server tcp://*:5557 certs/server.key_secret certs/clients/
 * </pre>
 *
 * <p>It answers every request with {@code <User-Id>:<request>}, where the User-Id (the client's
 * public key in Z85) is the one the authenticator set — never one the peer claimed. Denied
 * clients are reported on stderr (the audit stream). SIGINT or SIGTERM ends it with status 0.
 */
public final class SecureServer {
    private SecureServer() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: secure-server ENDPOINT SERVER_SECRET_CERT CLIENT_CERT_DIR");
            System.exit(2);
        }
        Certificate server = Certificate.load(Path.of(args[1]));
        DomainPolicy clients = DomainPolicy.builder().curveCertificates(Path.of(args[2])).build();
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.builder(ctx)
                     .policy("secure-server", clients)
                     .audit(r -> {
                         if (!r.allowed()) {
                             System.err.println("secure-server: denied " + r.principal() + " from " + r.address()
                                     + " (" + r.reason() + ")");
                         }
                     })
                     .start();
             Socket responder = ctx.socket(SocketType.REP);
             Message request = new Message()) {
            Shutdown.onSignal(ctx);
            SocketSecurity.curveServer(auth, "secure-server", server).applyTo(responder);
            responder.bind(args[0]);
            System.err.println("secure-server: listening on " + args[0]);
            while (true) {
                responder.receive(request);
                String userId = auth.verifiedUserId(request).orElse("?");
                responder.send(userId + ":" + request.text());
            }
        } catch (ContextTerminatedException stopping) {
            System.err.println("secure-server: stopped");
        }
    }
}
