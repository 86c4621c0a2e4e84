package org.measures311.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A file's metadata. {@code landedAt} is when the file was created (blob creation time in Azure, modification
 * time locally): it orders drops, so a later CMS re-export replaces an earlier one.
 */
public record LakeFile(String path, long size, String etag, Instant landedAt) {
    public LakeFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(landedAt, "landedAt");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
    }
}
