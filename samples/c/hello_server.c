/* The blog's hello-world server in C, on the libzmq 4 API: REP bound to argv[1] (default tcp, all interfaces, port 5555),
 * prints "received <request>" and replies "World". Stops cleanly on SIGINT/SIGTERM. */
#include <zmq.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile sig_atomic_t stopping = 0;

static void on_signal(int sig)
{
    (void) sig;
    stopping = 1;
}

int main(int argc, char *argv[])
{
    const char *endpoint = argc > 1 ? argv[1] : "tcp://*:5555";
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;          /* no SA_RESTART: zmq_recv returns with EINTR */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    void *context = zmq_ctx_new();
    void *responder = zmq_socket(context, ZMQ_REP);
    if (zmq_bind(responder, endpoint) != 0) {
        fprintf(stderr, "bind %s: %s\n", endpoint, zmq_strerror(zmq_errno()));
        return 1;
    }
    fprintf(stderr, "hello_server: listening on %s\n", endpoint);
    while (!stopping) {
        char buffer[256];
        int size = zmq_recv(responder, buffer, sizeof buffer - 1, 0);
        if (size < 0) {
            if (zmq_errno() == EINTR)
                continue;
            break;
        }
        if (size > (int) sizeof buffer - 1)
            size = sizeof buffer - 1;   /* the message was truncated to the buffer */
        buffer[size] = '\0';            /* ZeroMQ strings carry no NUL: add one to print */
        printf("received %s\n", buffer);
        fflush(stdout);
        zmq_send(responder, "World", 5, 0);
    }
    zmq_close(responder);
    zmq_ctx_term(context);
    return 0;
}
