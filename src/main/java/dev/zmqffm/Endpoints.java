package dev.zmqffm;

import java.util.Set;

/**
 * Checks endpoints before libzmq sees them. libzmq accepts some bad ones silently:
 * {@code tcp://127.0.0.1:99999} binds port 34463 (the number wraps) and {@code :-1} binds 65535.
 */
final class Endpoints {
    private Endpoints() {}

    private static final Set<String> TRANSPORTS =
            Set.of("tcp", "ipc", "inproc", "pgm", "epgm", "tipc", "vmci", "norm", "udp", "ws", "wss");

    static String check(String endpoint) {
        CStrings.checked(endpoint, "endpoint");
        int sep = endpoint.indexOf("://");
        if (sep <= 0) {
            throw bad(endpoint, "expected transport://address, e.g. tcp://127.0.0.1:5555");
        }
        String transport = endpoint.substring(0, sep);
        String address = endpoint.substring(sep + 3);
        if (!TRANSPORTS.contains(transport)) {
            throw bad(endpoint, "unknown transport '" + transport + "'; one of " + TRANSPORTS);
        }
        if (address.isEmpty()) {
            throw bad(endpoint, "the address after " + transport + ":// is empty");
        }
        switch (transport) {
            case "tcp", "udp", "pgm", "epgm", "norm" -> {
                // tcp://source;destination: both parts carry a port.
                for (String part : address.split(";", -1)) {
                    checkHostPort(endpoint, part);
                }
            }
            case "ws", "wss" -> {
                int slash = address.indexOf('/');
                checkHostPort(endpoint, slash < 0 ? address : address.substring(0, slash));
            }
            default -> { }
        }
        return endpoint;
    }

    private static void checkHostPort(String endpoint, String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || (hostPort.indexOf(']') > colon)) {
            throw bad(endpoint, "missing :port in '" + hostPort + "'");
        }
        if (colon == 0) {
            throw bad(endpoint, "missing host or interface before the port in '" + hostPort + "'");
        }
        String port = hostPort.substring(colon + 1);
        if (port.equals("*")) {
            return;
        }
        if (port.isEmpty() || port.length() > 5 || !digits(port)) {
            throw bad(endpoint, "port must be * or a number from 0 to 65535, not '" + port + "'");
        }
        if (Integer.parseInt(port) > 65535) {
            throw bad(endpoint, "port must be from 0 to 65535, not " + port);
        }
    }

    /** A loop, not a stream: this runs on a process's first bind or connect. */
    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException bad(String endpoint, String why) {
        return new IllegalArgumentException("invalid endpoint '" + endpoint + "': " + why);
    }
}
