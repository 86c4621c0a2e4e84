package org.measures311.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through and fails at its end when it did not hold exactly the declared number of bytes. A lake
 * write reads the whole stream before it commits (a rename, a block list), so the failure stops the commit and a
 * short or overlong upload never replaces a good file.
 */
public final class LengthCheckedInputStream extends FilterInputStream {

    private final long expected;
    private long seen;

    public LengthCheckedInputStream(InputStream in, long expected) {
        super(in);
        if (expected < 0) {
            throw new IllegalArgumentException("length must be >= 0, was " + expected);
        }
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        if (seen == expected) {
            requireEnd();
            return -1;
        }
        int b = super.read();
        if (b < 0) {
            throw shortStream();
        }
        seen++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (seen == expected) {
            requireEnd();
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, expected - seen));
        if (n < 0) {
            throw shortStream();
        }
        seen += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported while checking a stream's length");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void requireEnd() throws IOException {
        if (super.read() >= 0) {
            throw new IOException("the stream holds more than the declared " + expected + " bytes");
        }
    }

    private IOException shortStream() {
        return new IOException("the stream ended after " + seen + " of the declared " + expected + " bytes");
    }
}
