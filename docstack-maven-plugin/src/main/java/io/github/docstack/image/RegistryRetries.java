package io.github.docstack.image;

import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.RegistryException;

/**
 * One registry operation (a push or a pull), tried again after a passing failure with backoff. Refused
 * credentials and a missing image are not retried: another try cannot fix them. The one home of that policy and
 * its advice.
 */
final class RegistryRetries {

    @FunctionalInterface
    interface RegistryCall {
        void run() throws EngineException;
    }

    private RegistryRetries() {}

    static void run(RetryPolicy retry, EngineLog log, String registry, RegistryCall call) throws EngineException {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (RegistryException e) {
                if (e.kind() == RegistryException.Kind.UNAUTHORIZED
                        || e.kind() == RegistryException.Kind.NOT_FOUND
                        || attempt >= retry.attempts()) {
                    throw explain(e, registry, attempt);
                }
                log.warn(e.getMessage() + " (attempt " + attempt + " of " + retry.attempts() + "; trying again in "
                        + retry.waitAfter(attempt).toMillis() + " ms)");
                sleep(retry.waitAfter(attempt));
            }
        }
    }

    private static RegistryException explain(RegistryException e, String registry, int attempts) {
        String advice = switch (e.kind()) {
            case UNAUTHORIZED ->
                " The registry " + registry + " refused the credentials: configure a <server> with" + " <id>" + registry
                        + "</id> in settings.xml, or run docker login " + registry + ".";
            case UNREACHABLE ->
                " Nothing answers at the registry " + registry + " (after " + attempts + " attempts):"
                        + " check that it runs and the address is right.";
            case NOT_FOUND -> " The registry " + registry + " holds no such image or tag.";
            case OTHER -> " Gave up after " + attempts + " attempts.";
        };
        return new RegistryException(e.kind(), e.getMessage() + "." + advice, e);
    }

    private static void sleep(java.time.Duration wait) throws EngineException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting to try the registry again", e);
        }
    }
}
