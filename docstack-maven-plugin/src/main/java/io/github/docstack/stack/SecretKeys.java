package io.github.docstack.stack;

/**
 * The names a stack's secrets are stored under: a kind, then the names it belongs to, joined by '/', which no
 * stack or project name may hold, so no two secrets can share a name. (Older docstack joined names with '.', which
 * project names may hold: provider {@code a.b} with consumer {@code c} and provider {@code a} with consumer
 * {@code b.c} shared {@code a.b.c}.) Each secret's former name is kept, so a checkout's existing secrets carry over.
 */
public final class SecretKeys {

    /** The stack's admin password. */
    public static final SecretKey ADMIN = new SecretKey("stack/admin-password", "stack.admin_password");

    private SecretKeys() {}

    /** A project's own secret ({@code ${project.secret}}). */
    public static SecretKey own(String project) {
        return new SecretKey("own/" + project, project + ".own");
    }

    /** The secret of the account a provider keeps for one consumer ({@code ${secret}}). */
    public static SecretKey account(String provider, String consumer) {
        return new SecretKey("account/" + provider + "/" + consumer, provider + "." + consumer);
    }

    /**
     * The environment variable a secret is handed over in (the Compose export's {@code .env}, the Kubernetes
     * export's Secret). One variable per secret name: '/' becomes {@code __} and each other sign a
     * letter between underscores ({@code _D_} dot, {@code _H_} hyphen, {@code _U_} underscore), so names that differ
     * only in their signs stay apart (project names are lowercase, so upper-casing keeps them apart too).
     */
    public static String variable(String secretKey) {
        StringBuilder variable = new StringBuilder("DOCSTACK_SECRET_");
        for (int at = 0; at < secretKey.length(); at++) {
            char c = secretKey.charAt(at);
            switch (c) {
                case '/' -> variable.append("__");
                case '.' -> variable.append("_D_");
                case '-' -> variable.append("_H_");
                case '_' -> variable.append("_U_");
                default -> variable.append(Character.toUpperCase(c));
            }
        }
        return variable.toString();
    }

    /** A secret's name, and the name older docstack stored it under. */
    public record SecretKey(String name, String formerName) {}
}
