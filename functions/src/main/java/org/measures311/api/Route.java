package org.measures311.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The route table: every HTTP route of the API, under the {@code /api} prefix, with its method and the auth
 * level it must have when deployed. The Functions adapters and the local server both serve exactly these.
 *
 * <p>Templates use the Functions syntax ({@code {id}} one segment, {@code {*rest}} the remainder), so
 * {@link #functionsRoute()} is what an adapter's {@code route} attribute takes.
 *
 * <p>Recompute is {@code /recompute}, not {@code /admin/recompute}: the Functions host refuses any route that
 * starts with {@code admin} ("The specified route conflicts with one or more built in routes",
 * azure-functions-host#1781), and both servers must serve the same paths. Its ADMIN level is what protects it.
 */
public enum Route {
    CATALOG("GET", "measures", AuthLevel.FUNCTION),
    VALUES("GET", "measures/{id}/values", AuthLevel.FUNCTION),
    LINEAGE("GET", "measures/{id}/values/{period}/lineage", AuthLevel.FUNCTION),
    SCORECARD("GET", "scorecard", AuthLevel.FUNCTION),
    DROPS("GET", "drops", AuthLevel.FUNCTION),
    ODATA("GET", "odata/{*path}", AuthLevel.FUNCTION),
    OPENAPI("GET", "openapi.json", AuthLevel.FUNCTION),
    RECOMPUTE("POST", "recompute", AuthLevel.ADMIN),
    HEALTH("GET", "health", AuthLevel.ANONYMOUS);

    private final String method;
    private final String template;
    private final AuthLevel authLevel;
    private final String[] segments;

    Route(String method, String template, AuthLevel authLevel) {
        this.method = method;
        this.template = template;
        this.authLevel = authLevel;
        this.segments = template.split("/");
    }

    public String method() {
        return method;
    }

    /** The route template for the Functions {@code route} attribute (no leading slash, no /api). */
    public String functionsRoute() {
        return template;
    }

    public AuthLevel authLevel() {
        return authLevel;
    }

    /** The matched route and its path parameters (the catch-all one keeps its slashes). */
    public record Match(Route route, List<String> parameters) {
        public Match {
            parameters = List.copyOf(parameters);
        }

        public String parameter(int index) {
            return parameters.get(index);
        }
    }

    /**
     * Matches a path after {@code /api} (leading slash optional, segments still percent-encoded) against this
     * route's template, ignoring the method.
     */
    public Optional<Match> match(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/") && !template.endsWith("{*path}")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] parts = p.split("/", -1);
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith("{*")) {
                parameters.add(String.join("/", List.of(parts).subList(Math.min(i, parts.length), parts.length)));
                return Optional.of(new Match(this, parameters));
            }
            if (i >= parts.length) {
                return Optional.empty();
            }
            if (s.startsWith("{")) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.add(PercentCoding.decode(parts[i]));
            } else if (!s.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return parts.length == segments.length ? Optional.of(new Match(this, parameters)) : Optional.empty();
    }

    /** The route serving a path, if any (whatever the method). */
    public static Optional<Match> find(String path) {
        for (Route r : values()) {
            Optional<Match> m = r.match(path);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** Routes in table order, for the OpenAPI test and the adapters. */
    public static List<Route> table() {
        return Collections.unmodifiableList(List.of(values()));
    }
}
