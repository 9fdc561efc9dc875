package io.github.docstack.stack;

/** A port a new container would publish is taken by something outside the stack; nothing was started. */
public class PortTakenException extends StackException {

    private final int port;

    public PortTakenException(int port, String publisher) {
        super("Port " + port + " on 127.0.0.1, which " + publisher + " publishes, is already in use");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
