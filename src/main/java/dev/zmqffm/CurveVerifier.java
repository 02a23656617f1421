package dev.zmqffm;

import java.util.concurrent.CompletionStage;

/**
 * Decides asynchronously whether a CURVE client key may connect, e.g. by asking a database or a
 * directory service. The authenticator waits at most the verifier's deadline (see
 * {@link DomainPolicy.Builder#curveVerifier(CurveVerifier, java.time.Duration)}): a verdict that
 * comes later is ignored and the client gets a temporary failure (ZAP status 300) in time, never a
 * late reply. An exception, thrown or completing the stage, denies the client (status 500).
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=curve-verifier}
 *
 * <p>Called on the authenticator's thread: return quickly (do the work in the stage).
 */
@FunctionalInterface
public interface CurveVerifier {
    /**
     * Decides whether a CURVE client may connect.
     *
     * @param domain the server socket's ZAP domain
     * @param address the client's IP address
     * @param clientKey the client's long-term public key, proven by the handshake
     * @return the verdict, when known
     */
    CompletionStage<Verdict> verify(String domain, String address, CurveKey clientKey);
}
