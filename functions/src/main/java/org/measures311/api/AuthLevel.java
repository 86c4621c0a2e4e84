package org.measures311.api;

/**
 * Who may call a route. In Azure the Functions host enforces it (the adapters set the matching
 * {@code AuthorizationLevel}); the local server, like Core Tools, asks for no key.
 */
public enum AuthLevel {
    /** No key: health only. */
    ANONYMOUS,
    /** A function (or host) key: {@code x-functions-key} header or {@code code} query parameter. */
    FUNCTION,
    /** The host's master key only; function keys are refused. */
    ADMIN
}
