package org.measures311.ingest.zendesk;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page decompression without Hadoop: parquet-java's default codec factory builds a Hadoop
 * {@code Configuration} (and so needs woodstox, guava, commons-collections and native snappy/zstd jars) just to
 * find a codec. These pure-Java codecs (aircompressor, which parquet-java already depends on, and
 * {@code java.util.zip}) cover what Zendesk exporters write: uncompressed, Snappy, GZIP, ZSTD and LZ4_RAW.
 * Read-only: this product never writes Parquet. See docs/decisions/0001-parquet-reader.md.
 */
final class PureJavaParquetCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Passthrough();
            case SNAPPY -> new Airlift(new SnappyDecompressor());
            case ZSTD -> new Airlift(new ZstdDecompressor());
            case LZ4_RAW -> new Airlift(new Lz4Decompressor());
            case GZIP -> new Gzip();
            default -> throw new UnsupportedCodecException(codec);
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("measures311 reads Parquet, it never writes it");
    }

    @Override
    public void release() {
        // Nothing pooled.
    }

    /** A page compressed with a codec we do not carry (LZO, Brotli, Hadoop-framed LZ4). */
    static final class UnsupportedCodecException extends RuntimeException {
        UnsupportedCodecException(CompressionCodecName codec) {
            super("Parquet compression " + codec + " is not supported (use uncompressed, SNAPPY, GZIP, ZSTD or LZ4_RAW)");
        }
    }

    private abstract static class ArrayDecompressor implements BytesInputDecompressor {
        abstract byte[] decompress(byte[] compressed, int uncompressedSize) throws IOException;

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(decompress(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(decompress(compressed, uncompressedSize));
        }

        @Override
        public void release() {
        }
    }

    private static final class Passthrough extends ArrayDecompressor {
        @Override
        byte[] decompress(byte[] compressed, int uncompressedSize) {
            return compressed;
        }
    }

    private static final class Airlift extends ArrayDecompressor {
        private final Decompressor decompressor;

        Airlift(Decompressor decompressor) {
            this.decompressor = decompressor;
        }

        @Override
        byte[] decompress(byte[] compressed, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            try {
                int n = decompressor.decompress(compressed, 0, compressed.length, out, 0, out.length);
                if (n != uncompressedSize) {
                    throw new IOException("page decompressed to " + n + " bytes, footer says " + uncompressedSize);
                }
            } catch (MalformedInputException e) {
                throw new IOException("corrupt compressed page: " + e.getMessage(), e);
            }
            return out;
        }
    }

    private static final class Gzip extends ArrayDecompressor {
        @Override
        byte[] decompress(byte[] compressed, int uncompressedSize) throws IOException {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                byte[] out = in.readNBytes(uncompressedSize);
                if (out.length != uncompressedSize) {
                    throw new IOException("page decompressed to " + out.length + " bytes, footer says " + uncompressedSize);
                }
                return out;
            }
        }
    }
}
