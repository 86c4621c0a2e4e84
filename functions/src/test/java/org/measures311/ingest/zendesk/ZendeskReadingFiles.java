package org.measures311.ingest.zendesk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Test resources under zendesk/ as text. */
final class ZendeskReadingFiles {
    private ZendeskReadingFiles() {
    }

    static String text(String name) throws IOException {
        try (InputStream in = ZendeskReadingFiles.class.getResourceAsStream("/zendesk/" + name)) {
            if (in == null) {
                throw new IOException("no test resource zendesk/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
