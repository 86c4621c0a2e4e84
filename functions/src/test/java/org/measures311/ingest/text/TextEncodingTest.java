package org.measures311.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.measures311.ingest.ReaderRun;
import org.junit.jupiter.api.Test;

class TextEncodingTest {

    private static TextEncoding detect(byte[] bytes) throws Exception {
        return TextEncoding.detect(ReaderRun.content(bytes));
    }

    @Test
    void utf8WithAndWithoutBom() throws Exception {
        assertThat(detect("a,ó\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 0));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertThat(detect(bom)).isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 3));
        assertThat(detect(new byte[0])).isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 0));
    }

    @Test
    void aMultiByteCharacterAcrossTheReadChunkIsStillUtf8() throws Exception {
        byte[] bytes = new byte[64 * 1024 + 1];
        Arrays.fill(bytes, (byte) 'a');
        byte[] o = "ó".getBytes(StandardCharsets.UTF_8);
        bytes[64 * 1024 - 1] = o[0];   // first byte ends the first chunk, second byte starts the next
        bytes[64 * 1024] = o[1];
        assertThat(detect(bytes).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void invalidUtf8LateInTheFileMeansWindows1252() throws Exception {
        byte[] bytes = new byte[200_000];
        Arrays.fill(bytes, (byte) 'a');
        bytes[199_000] = (byte) 0xF3;   // cp1252 ó, a lone lead byte in UTF-8
        assertThat(detect(bytes).charset()).isEqualTo(TextEncoding.WINDOWS_1252);
    }

    @Test
    void utf16ByBomAndNulMeansBinary() throws Exception {
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0})).isEqualTo(new TextEncoding(StandardCharsets.UTF_16LE, 2));
        assertThatThrownBy(() -> detect(new byte[] {'a', 'b', 0, 'c'}))
                .isInstanceOf(TextEncoding.BinaryContentException.class).hasMessageContaining("offset 2");
    }
}
