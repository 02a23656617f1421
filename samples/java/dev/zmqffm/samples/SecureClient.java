package dev.zmqffm.samples;

import dev.zmqffm.Certificate;
import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketSecurity;
import dev.zmqffm.SocketType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The client of {@link SecureServer}: sends one request over CURVE and prints the reply.
 *
 * <pre>
 * scripts/sample secure-client tcp://localhost:5557 certs/server.key certs/client.key_secret hello
 * </pre>
 *
 * <p>Exits with status 1 if no reply came within 5 s (for instance because the server does not
 * know this client's key: a denied CURVE client is only told so by its socket monitor).
 */
public final class SecureClient {
    private SecureClient() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: secure-client ENDPOINT SERVER_PUBLIC_CERT CLIENT_SECRET_CERT TEXT");
            System.exit(2);
        }
        Optional<String> reply;
        try (Context ctx = Context.create(); Socket requester = ctx.socket(SocketType.REQ)) {
            requester.set(SocketOptions.LINGER, Duration.ZERO);
            SocketSecurity.curveClient(Certificate.load(Path.of(args[1])), Certificate.load(Path.of(args[2])))
                    .applyTo(requester);
            requester.connect(args[0]);
            requester.send(args[3]);
            reply = requester.receiveString(Duration.ofSeconds(5));
        }
        if (reply.isEmpty()) {
            System.err.println("secure-client: no reply within 5 s");
            System.exit(1);
        }
        System.out.println(reply.get());
    }
}
