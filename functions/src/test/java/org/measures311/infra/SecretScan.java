package org.measures311.infra;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No secret may be written into or read out by a template: no account keys, connection strings or SAS for
 * storage or Cosmos. The one allowed key read is the Functions host's blobs_extension system key, which the Event
 * Grid webhook URL must carry ({@code listKeys('<site id>/host/default', …).systemKeys.blobs_extension}).
 * Bicep comments are ignored (they may explain all this); parameter files are scanned whole.
 */
final class SecretScan {

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("(?i)AccountKey\\s*="),
            Pattern.compile("(?i)DefaultEndpointsProtocol"),
            Pattern.compile("(?i)SharedAccessKey"),
            Pattern.compile("(?i)SharedAccessSignature"),
            Pattern.compile("(?i)\\blist(?:ConnectionStrings|AccountSas|ServiceSas|ReadOnlyKeys)\\s*\\("),
            Pattern.compile("(?i)\\.listKeys\\s*\\("),
            Pattern.compile("(?i)(?:primary|secondary)(?:ReadonlyMaster|Master)?Key"),
            Pattern.compile("\\bCOSMOS_KEY\\b"),
            Pattern.compile("(?i)allowSharedKeyAccess\\s*:\\s*true"),
            Pattern.compile("(?i)disableLocalAuth\\s*:\\s*false"));

    /** Any {@code listKeys(} call; each must be the allowed host-key read. */
    private static final Pattern LIST_KEYS = Pattern.compile("(?i)(?<![.\\w])listKeys\\s*\\(");
    private static final Pattern HOST_KEY_READ = Pattern.compile(
            "listKeys\\s*\\(\\s*'\\$\\{\\s*\\w+\\.id\\s*}/host/default'\\s*,\\s*'[^']+'\\s*\\)\\.systemKeys\\.blobs_extension\\b");
    private static final Pattern CONNECTION_STRING = Pattern.compile("(?i)\\b(\\w+)\\.properties\\.connectionString\\b");

    private final BicepTemplates templates;
    private final List<String> problems;

    SecretScan(BicepTemplates templates, List<String> problems) {
        this.templates = templates;
        this.problems = problems;
    }

    void run() {
        Map<String, String> code = templates.bicepCode();
        templates.files().forEach((file, text) -> scan(file, code.getOrDefault(file, text)));
    }

    private void scan(String file, String text) {
        for (Pattern pattern : FORBIDDEN) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                problems.add(file + ":" + line(text, m.start()) + ": key material or key access: " + m.group());
            }
        }
        Matcher listKeys = LIST_KEYS.matcher(text);
        while (listKeys.find()) {
            if (!HOST_KEY_READ.matcher(text).region(listKeys.start(), text.length()).lookingAt()) {
                problems.add(file + ":" + line(text, listKeys.start())
                        + ": listKeys( is only allowed for the host's blobs_extension system key");
            }
        }
        // Application Insights' connection string only identifies the component (local auth is disabled);
        // any other resource's connection string carries a key.
        List<String> insights = templates.resources("Microsoft.Insights/components").stream()
                .filter(r -> r.file().equals(file)).map(BicepTemplates.Resource::symbol).toList();
        Matcher connection = CONNECTION_STRING.matcher(text);
        while (connection.find()) {
            if (!insights.contains(connection.group(1))) {
                problems.add(file + ":" + line(text, connection.start()) + ": connection string of " + connection.group(1));
            }
        }
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
