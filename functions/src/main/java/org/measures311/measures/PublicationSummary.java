package org.measures311.measures;

import java.util.List;

/** What one run of the annual publisher did: new publications and new revisions, by period label. */
public record PublicationSummary(List<String> published, List<String> revised, List<String> unchanged) {
    public PublicationSummary {
        published = List.copyOf(published);
        revised = List.copyOf(revised);
        unchanged = List.copyOf(unchanged);
    }

    public String describe() {
        return "published " + published + ", revised " + revised + ", unchanged " + unchanged;
    }
}
