package dev.zmqffm;

import java.time.Duration;
import java.time.Instant;

/**
 * One decision of an {@link Authenticator}, as its audit stream reports it. It never holds a
 * password or a secret key: the principal is a PLAIN user name, a CURVE public key (Z85) or a
 * GSSAPI principal.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=audit-record}
 *
 * @param time when the request arrived
 * @param domain the ZAP domain of the server socket
 * @param address the peer's IP address
 * @param mechanism the mechanism, or null for a request too malformed to say
 * @param principal who the peer claims to be (empty for NULL)
 * @param status the ZAP status replied: 200 allowed, 300 temporary failure, 400 denied, 500 error
 * @param userId the User-Id given to an allowed peer (empty otherwise)
 * @param reason why
 * @param latency from the request's arrival to the reply
 */
public record AuditRecord(Instant time, String domain, String address, Mechanism mechanism, String principal,
        int status, String userId, String reason, Duration latency) {

    /** {@return whether the peer was let in (status 200)} */
    public boolean allowed() {
        return status == 200;
    }
}
