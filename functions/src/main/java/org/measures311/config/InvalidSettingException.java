package org.measures311.config;

/** A setting is missing or malformed; the message names it so an operator can fix the app settings. */
public final class InvalidSettingException extends IllegalArgumentException {
    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super("Setting " + setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
