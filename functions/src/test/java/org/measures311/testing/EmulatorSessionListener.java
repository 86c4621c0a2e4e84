package org.measures311.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the emulators when the JUnit Platform session ends, pass or fail (registered in
 * META-INF/services/org.junit.platform.launcher.LauncherSessionListener). {@link Emulators} also stops them from
 * a shutdown hook, for runs that end without closing the session.
 */
public final class EmulatorSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Emulators.stopAll();
    }
}
