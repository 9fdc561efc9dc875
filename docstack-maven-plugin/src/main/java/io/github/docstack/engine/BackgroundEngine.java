package io.github.docstack.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An engine connected on a thread of its own, so that a goal reads its stack file and plans its builds meanwhile: on
 * two cores, connecting and planning are each a good part of a no-op up, mostly spent loading classes. Every call but
 * {@link Engine#address()} waits for the connection and throws what connecting threw; {@link Engine#close()} does not
 * wait, so a goal that fails before it needs the engine is not held up by one that hangs.
 */
final class BackgroundEngine implements InvocationHandler {

    private final EngineAddress address;
    private final CompletableFuture<Engine> connected = new CompletableFuture<>();
    private final Thread connecting;

    private BackgroundEngine(EngineAddress address, Engine.Connection connection) {
        this.address = address;
        this.connecting = new Thread(
                () -> {
                    try {
                        connected.complete(connection.connect());
                    } catch (Exception | Error e) {
                        connected.completeExceptionally(e);
                    }
                },
                "docstack-engine-connect");
        connecting.setDaemon(true);
    }

    static Engine connect(EngineAddress address, Engine.Connection connection) {
        BackgroundEngine handler = new BackgroundEngine(address, connection);
        handler.connecting.start();
        return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "address" -> address;
            case "close" -> {
                close();
                yield null;
            }
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "the engine at " + address.url();
            default -> {
                Engine engine = engine(method);
                try {
                    yield method.invoke(engine, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
    }

    /** The connected engine; or what connecting threw, as the method may throw it. */
    private Engine engine(Method method) throws Throwable {
        try {
            return connected.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw declares(method, EngineException.class)
                    ? new EngineException("Interrupted while connecting to the engine at " + address.url(), e)
                    : new IllegalStateException("Interrupted while connecting to the engine at " + address.url(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EngineException && !declares(method, EngineException.class)) {
                throw new IllegalStateException(cause.getMessage(), cause);
            }
            throw cause;
        }
    }

    private static boolean declares(Method method, Class<?> exception) {
        return Arrays.stream(method.getExceptionTypes()).anyMatch(type -> type.isAssignableFrom(exception));
    }

    /** Closes the engine once connected, or stops connecting. */
    @SuppressWarnings("FutureReturnValueIgnored") // the callback only closes; nothing waits for it
    private void close() {
        if (!connected.isDone()) {
            connecting.interrupt();
        }
        connected.whenComplete((engine, failure) -> {
            if (engine != null) {
                engine.close();
            }
        });
    }
}
