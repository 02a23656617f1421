package dev.zmqffm.samples;

import dev.zmqffm.Certificate;
import dev.zmqffm.SocketSecurity;
import java.io.IOException;
import java.nio.file.Path;

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
        Certificate server = Certificate.load(Path.of(args[1]));
        Certificate client = Certificate.load(Path.of(args[2]));
        OneRequest.send("secure-client", args[0], s -> SocketSecurity.curveClient(server, client).applyTo(s), args[3]);
    }
}
