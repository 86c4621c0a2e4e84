package org.measures311.ingest.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.measures311.ingest.DropContent;

/**
 * The character encoding of a text drop, decided from its bytes. Exports written on Windows desktops arrive as
 * UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark (Excel's "Unicode text"), or in the
 * Windows-1252 code page. Without a BOM the rule is: the content is UTF-8 when every byte sequence in it is
 * valid UTF-8, else Windows-1252. That needs one streaming pass over the bytes (constant memory) because a
 * single accented name near the end decides it; ASCII files are the same in both, so nothing is lost.
 *
 * @param charset   how to decode the content
 * @param bomLength how many leading bytes are a byte order mark to skip
 */
public record TextEncoding(Charset charset, int bomLength) {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int CHUNK = 64 * 1024;

    /** Thrown when the content is not text at all: NUL bytes never occur in a UTF-8 or code-page export. */
    public static final class BinaryContentException extends Exception {
        private final long offset;

        BinaryContentException(long offset) {
            super("not a text file: NUL byte at offset " + offset);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    /** Reads the whole content once and decides its encoding. */
    public static TextEncoding detect(DropContent content) throws IOException, BinaryContentException {
        try (InputStream in = content.open()) {
            byte[] buffer = new byte[CHUNK];
            int head = in.readNBytes(buffer, 0, 4);
            if (head >= 2 && (buffer[0] & 0xFF) == 0xFF && (buffer[1] & 0xFF) == 0xFE) {
                return new TextEncoding(StandardCharsets.UTF_16LE, 2);
            }
            if (head >= 2 && (buffer[0] & 0xFF) == 0xFE && (buffer[1] & 0xFF) == 0xFF) {
                return new TextEncoding(StandardCharsets.UTF_16BE, 2);
            }
            int bom = head >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF
                    ? 3 : 0;
            boolean utf8 = isUtf8WithoutNul(in, buffer, head);
            return new TextEncoding(utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252, bom);
        }
    }

    /** Streams the rest of the content through a strict UTF-8 decoder, failing on the first NUL byte. */
    private static boolean isUtf8WithoutNul(InputStream in, byte[] buffer, int alreadyRead)
            throws IOException, BinaryContentException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(buffer.length + 8);
        CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
        boolean valid = true;
        long offset = 0;
        int n = alreadyRead;
        while (n >= 0) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == 0) {
                    throw new BinaryContentException(offset + i);
                }
            }
            offset += n;
            if (valid && n > 0) {
                // a multi-byte sequence split across chunks stays in `bytes` (compact) for the next round
                bytes.put(buffer, 0, n).flip();
                valid = decodeAll(decoder, bytes, chars, false);
                bytes.compact();
            }
            n = in.read(buffer);
        }
        if (valid) {
            bytes.flip();
            valid = decodeAll(decoder, bytes, chars, true) && !decoder.flush(chars).isError();
        }
        return valid;
    }

    private static boolean decodeAll(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean endOfInput) {
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            chars.clear();
            if (result.isError()) {
                return false;
            }
            if (!result.isOverflow()) {
                return true;
            }
        }
    }
}
