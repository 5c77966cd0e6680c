package tradebook.live.ib;

/** {@code /iserver/auth/status}: whether the gateway has a brokerage session. */
public record AuthStatus(boolean authenticated, boolean connected, boolean competing, String message) {}
