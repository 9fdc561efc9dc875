package io.github.docstack.engine;

/** A user name and password (or token) for a registry. Never logged: {@link #toString()} hides the password. */
public record RegistryCredentials(String username, String password) {

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=****]";
    }
}
