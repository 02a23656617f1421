package dev.zmqffm.samples;

import dev.zmqffm.SocketSecurity;

/**
 * The client of {@link PlainServer}: one request as {@code USER}, the password taken from the
 * environment variable {@code ZMQFFM_PASSWORD} (a command-line argument would be visible to every
 * user in {@code ps}).
 *
 * <pre>
 * ZMQFFM_PASSWORD=tr0ub4dor scripts/sample plain-client tcp://127.0.0.1:5558 alice hello
 * </pre>
 *
 * <p>Prints the reply, or exits with status 1 after 5 s without one (e.g. a wrong password).
 */
public final class PlainClient {
    private PlainClient() {}

    static char[] password() {
        String p = System.getenv("ZMQFFM_PASSWORD");
        if (p == null) {
            System.err.println("set ZMQFFM_PASSWORD");
            System.exit(2);
        }
        return p.toCharArray();
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ZMQFFM_PASSWORD=... plain-client ENDPOINT USER TEXT");
            System.exit(2);
        }
        char[] password = password();
        OneRequest.send("plain-client", args[0], s -> SocketSecurity.plainClient(args[1], password).applyTo(s), args[2]);
    }
}
