package org.measures311.bench.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A buffered writer of ASCII text that formats numbers and UTC timestamps straight into bytes. Generating a
 * gigabyte of CSV through {@code String.format} or {@code java.time} formatters would take longer than the
 * benchmark it feeds; this keeps the generator at disk speed.
 */
final class AsciiWriter implements AutoCloseable {
    private static final int CAPACITY = 1 << 20;
    private static final long SECONDS_PER_DAY = 86_400;

    private final OutputStream out;
    private final byte[] buffer = new byte[CAPACITY];
    private final byte[] digits = new byte[20];
    private int position;
    private long bytesWritten;
    /** The formatted "yyyy-MM-dd" of the last day seen: consecutive timestamps mostly share their day. */
    private long cachedEpochDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    AsciiWriter(OutputStream out) {
        this.out = out;
    }

    AsciiWriter text(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, buffer, position, b.length);
        position += b.length;
        return this;
    }

    AsciiWriter ch(char c) throws IOException {
        ensure(1);
        buffer[position++] = (byte) c;
        return this;
    }

    AsciiWriter number(long value) throws IOException {
        ensure(20);
        if (value < 0) {
            buffer[position++] = '-';
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n > 0) {
            buffer[position++] = digits[--n];
        }
        return this;
    }

    /** An ISO 8601 UTC timestamp with a Z suffix and whole seconds: 2025-03-14T17:02:11Z. */
    AsciiWriter isoUtc(long epochSecond) throws IOException {
        ensure(20);
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        if (day != cachedEpochDay) {
            cachedEpochDay = day;
            cachedDate(LocalDate.ofEpochDay(day).toString());
        }
        System.arraycopy(cachedDate, 0, buffer, position, 10);
        position += 10;
        buffer[position++] = 'T';
        twoDigits(secondOfDay / 3600);
        buffer[position++] = ':';
        twoDigits(secondOfDay / 60 % 60);
        buffer[position++] = ':';
        twoDigits(secondOfDay % 60);
        buffer[position++] = 'Z';
        return this;
    }

    private void cachedDate(String iso) {
        byte[] b = iso.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 10) {
            throw new IllegalArgumentException("year outside 0000-9999: " + iso);
        }
        System.arraycopy(b, 0, cachedDate, 0, 10);
    }

    private void twoDigits(int v) {
        buffer[position++] = (byte) ('0' + v / 10);
        buffer[position++] = (byte) ('0' + v % 10);
    }

    long bytesWritten() {
        return bytesWritten + position;
    }

    private void ensure(int n) throws IOException {
        if (position + n > CAPACITY) {
            out.write(buffer, 0, position);
            bytesWritten += position;
            position = 0;
        }
    }

    @Override
    public void close() throws IOException {
        out.write(buffer, 0, position);
        bytesWritten += position;
        position = 0;
        out.close();
    }
}
