package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A ZAP authentication decision: which peer asked, with which mechanism and identity, and what
 * the authenticator answered. Never carries secrets (a PLAIN password is not recorded).
 * Committed through {@link Events}.
 */
@Name("zmqffm.Authentication")
@Label("ZeroMQ Authentication")
@Category({"ZeroMQ", "Security"})
@Description("A ZAP decision: accepted (200) or refused (400) or failed (500)")
@StackTrace(false)
final class AuthenticationEvent extends jdk.jfr.Event {
    @Label("Domain")
    String domain;

    @Label("Address")
    @Description("The peer's IP address as libzmq reported it")
    String address;

    @Label("Mechanism")
    String mechanism;

    @Label("Identity")
    @Description("PLAIN user name, CURVE public key (Z85) or GSSAPI principal; empty for NULL")
    String identity;

    @Label("Status Code")
    @Description("ZAP status: 200 accepted, 300 temporary error, 400 refused, 500 internal error")
    int statusCode;

    @Label("Status Text")
    String statusText;
}
