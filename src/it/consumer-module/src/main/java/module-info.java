/** A modular application of zmq-ffm. */
module dev.zmqffm.consumer {
    requires dev.zmqffm;
}
