package org.measures311.functions;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.measures311.app.Application;
import org.measures311.app.StoreFactory;
import org.measures311.config.Settings;

/**
 * The one {@link Application} of a function app instance, built on first use from the app settings (Azure
 * storage and Cosmos DB) and reused by every invocation: clients and the Arrow allocator are expensive to build
 * and safe to share.
 */
public final class FunctionApp {
    private static volatile Supplier<Map<String, String>> environment = System::getenv;
    private static volatile Application instance;

    private FunctionApp() {
    }

    public static Application get() {
        Application app = instance;
        if (app == null) {
            synchronized (FunctionApp.class) {
                app = instance;
                if (app == null) {
                    Settings settings = Settings.fromEnvironment(environment.get());
                    app = new Application(settings, StoreFactory.azure(settings), Clock.systemUTC());
                    instance = app;
                }
            }
        }
        return app;
    }

    /**
     * Where settings come from (the process environment under the Functions host). Integration tests point it at
     * the emulators' settings; the next {@link #get()} builds a fresh application from them.
     */
    public static synchronized void useEnvironment(Supplier<Map<String, String>> source) {
        environment = Objects.requireNonNull(source, "source");
        reset();
    }

    public static synchronized void reset() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
    }
}
