/* The blog's hello-world client in C, on the libzmq 4 API: REQ to tcp://localhost:5555 (or
 * argv[1]), sends "hello" argv[2] times (default 1) and prints each reply. */
#include <zmq.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[])
{
    const char *endpoint = argc > 1 ? argv[1] : "tcp://localhost:5555";
    int count = argc > 2 ? atoi(argv[2]) : 1;
    void *context = zmq_ctx_new();
    void *requester = zmq_socket(context, ZMQ_REQ);
    zmq_connect(requester, endpoint);
    for (int i = 0; i < count; i++) {
        char buffer[256];
        zmq_send(requester, "hello", 5, 0);   /* five bytes: no terminating NUL on the wire */
        int size = zmq_recv(requester, buffer, sizeof buffer - 1, 0);
        if (size < 0)
            break;
        if (size > (int) sizeof buffer - 1)
            size = sizeof buffer - 1;
        buffer[size] = '\0';
        printf("%s\n", buffer);
        fflush(stdout);
    }
    zmq_close(requester);
    zmq_ctx_term(context);
    return 0;
}
