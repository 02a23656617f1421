/*
 * The C floor of scripts/bench --startup: a fresh process, one context, a REP bound to
 * tcp://127.0.0.1:*, a REQ connected to it, one request and one reply, everything closed, as
 * StartupRoundTrip.java does. Exits non-zero on any failure.
 */
#include <zmq.h>
#include <stdio.h>
#include <string.h>

static int fail(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, zmq_strerror(zmq_errno()));
    return 1;
}

int main(void)
{
    void *ctx = zmq_ctx_new();
    void *rep = zmq_socket(ctx, ZMQ_REP);
    void *req = zmq_socket(ctx, ZMQ_REQ);
    int linger = 500;
    char endpoint[256], buf[16];
    size_t len = sizeof endpoint;
    zmq_setsockopt(rep, ZMQ_LINGER, &linger, sizeof linger);
    zmq_setsockopt(req, ZMQ_LINGER, &linger, sizeof linger);
    if (zmq_bind(rep, "tcp://127.0.0.1:*") != 0) return fail("bind");
    if (zmq_getsockopt(rep, ZMQ_LAST_ENDPOINT, endpoint, &len) != 0) return fail("getsockopt");
    if (zmq_connect(req, endpoint) != 0) return fail("connect");
    if (zmq_send(req, "hello", 5, 0) != 5) return fail("send");
    int n = zmq_recv(rep, buf, sizeof buf, 0);
    if (n != 5 || memcmp(buf, "hello", 5) != 0) return fail("recv request");
    if (zmq_send(rep, "world", 5, 0) != 5) return fail("send reply");
    n = zmq_recv(req, buf, sizeof buf, 0);
    if (n != 5 || memcmp(buf, "world", 5) != 0) return fail("recv reply");
    zmq_close(req);
    zmq_close(rep);
    zmq_ctx_term(ctx);
    return 0;
}
