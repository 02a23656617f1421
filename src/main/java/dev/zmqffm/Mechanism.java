package dev.zmqffm;

/**
 * The security mechanism a socket uses ({@link SocketOptions#MECHANISM}).
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=mechanism}
 */
public enum Mechanism {
    /** No security: any peer can connect and deliver frames. */
    NULL(0),
    /** Username and password, sent in clear text. */
    PLAIN(1),
    /** CurveZMQ encryption and authentication. */
    CURVE(2),
    /** Kerberos (GSSAPI). */
    GSSAPI(3);

    private final int code;

    Mechanism(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static Mechanism of(int code) {
        for (Mechanism m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mechanism " + code);
    }
}
