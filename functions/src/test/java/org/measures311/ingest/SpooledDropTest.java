package org.measures311.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledDropTest {
    @TempDir
    Path folder;

    /** sha256sum of "id,ticket_id\n1,2\n", worked out with coreutils. */
    private static final String CONTENT = "id,ticket_id\n1,2\n";
    private static final String CONTENT_SHA256 = "42a170277d5174ca8e12e20b800f166cc06ee37b2264881aaaee5025c6ad4f56";

    @Test
    void readInPlaceGivesTheSameHashBytesAndSizeAsASpooledCopy() throws IOException {
        byte[] bytes = new byte[3 * (1 << 20) + 11]; // several hash buffers and a ragged tail
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        Path landing = Files.write(folder.resolve("landing.csv"), bytes);
        Path link = Files.createLink(folder.resolve("snapshot.link"), landing);

        try (SpooledDrop copied = SpooledDrop.spool(new ByteArrayInputStream(bytes), folder.resolve("spool"));
             SpooledDrop inPlace = SpooledDrop.inPlace(link)) {
            assertThat(inPlace.contentHash()).isEqualTo(copied.contentHash());
            assertThat(inPlace.size()).isEqualTo(bytes.length);
            assertThat(inPlace.uncompressedLocalFile()).contains(link);
            try (InputStream in = inPlace.open()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            inPlace.confirmUnchanged();
        }
        assertThat(link).doesNotExist();
        assertThat(landing).exists().hasBinaryContent(bytes);
    }

    @Test
    void theHashIsTheContentsSha256() throws IOException {
        Path landing = Files.writeString(folder.resolve("landing.csv"), CONTENT);
        try (SpooledDrop inPlace = SpooledDrop.inPlace(Files.createLink(folder.resolve("s.link"), landing))) {
            assertThat(inPlace.contentHash()).isEqualTo(CONTENT_SHA256);
        }
    }

    @Test
    void aGzipDropReadInPlaceIsUnwrapped() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(CONTENT.getBytes(UTF_8));
        }
        Path landing = Files.write(folder.resolve("landing.csv.gz"), gz.toByteArray());
        try (SpooledDrop inPlace = SpooledDrop.inPlace(Files.createLink(folder.resolve("s.link"), landing))) {
            assertThat(inPlace.isGzip()).isTrue();
            assertThat(inPlace.uncompressedLocalFile()).isEmpty();
            assertThat(Files.readString(inPlace.localFile())).isEqualTo(CONTENT);
        }
    }

    @Test
    void aLandingFileRewrittenInPlaceWhileReadIsNoticed() throws IOException {
        Path landing = Files.writeString(folder.resolve("landing.csv"), CONTENT);
        Files.setLastModifiedTime(landing, FileTime.fromMillis(1_700_000_000_000L));
        try (SpooledDrop inPlace = SpooledDrop.inPlace(Files.createLink(folder.resolve("s.link"), landing))) {
            // Same length, other bytes, written into the same file (as `cp` over it would): the link sees it.
            Files.writeString(landing, CONTENT.replace('1', '7'));
            assertThatThrownBy(inPlace::confirmUnchanged).isInstanceOf(IOException.class)
                    .hasMessageContaining("rewritten in place");
        }
    }

    @Test
    void aSpooledCopyIsNotAffectedByItsSource() throws IOException {
        Path landing = Files.writeString(folder.resolve("landing.csv"), CONTENT);
        try (SpooledDrop copied = SpooledDrop.spool(Files.newInputStream(landing), folder)) {
            Files.writeString(landing, "changed");
            copied.confirmUnchanged();
            try (InputStream in = copied.open()) {
                assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo(CONTENT);
            }
        }
    }
}
