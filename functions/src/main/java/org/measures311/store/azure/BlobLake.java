package org.measures311.store.azure;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.measures311.store.Lake;
import org.measures311.store.LakeFile;
import org.measures311.store.LakeFileNotFoundException;
import org.measures311.store.LakePaths;
import org.measures311.store.LengthCheckedInputStream;

/**
 * A {@link Lake} on one blob container through the Blob API, which ADLS Gen2 serves as well as Azurite (which has
 * no DFS endpoint). Reads and writes stream in blocks; a block blob becomes visible only when its block list is
 * committed, so readers see the old file or the new one. Conditional writes are If-None-Match: * (create) and
 * If-Match: etag (swap), which the service checks atomically.
 */
public final class BlobLake implements Lake {

    /** Blocks of 4 MiB, two in flight: bounded memory for files of any size. */
    private static final ParallelTransferOptions TRANSFER = new ParallelTransferOptions()
            .setBlockSizeLong(4L * 1024 * 1024)
            .setMaxSingleUploadSizeLong(4L * 1024 * 1024)
            .setMaxConcurrency(2);
    /** ADLS Gen2 lists its directories through the Blob API as empty blobs carrying this metadata. */
    private static final String DIRECTORY_MARKER = "hdi_isfolder";

    private final BlobContainerClient container;

    /** Uses a container client built elsewhere (tests, fault doubles); creates the container when missing. */
    public BlobLake(BlobContainerClient container) {
        this.container = Objects.requireNonNull(container, "container");
        try {
            container.createIfNotExists();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 403) {
                throw e; // 403: the identity may not create containers; infra/ has created it
            }
        }
    }

    /** Azurite or a storage account reached by connection string (local runs, tests). */
    public static BlobLake fromConnectionString(String connectionString, String containerName) {
        return new BlobLake(new BlobServiceClientBuilder().connectionString(connectionString).buildClient()
                .getBlobContainerClient(containerName));
    }

    /** A storage account reached by managed identity in Azure (DefaultAzureCredential: no keys in settings). */
    public static BlobLake fromServiceUri(String blobServiceUri, String containerName) {
        return new BlobLake(new BlobServiceClientBuilder().endpoint(blobServiceUri)
                .credential(new DefaultAzureCredentialBuilder().build()).buildClient()
                .getBlobContainerClient(containerName));
    }

    @Override
    public InputStream open(String path) throws IOException {
        try {
            // The stream pins the ETag it started with, so a file replaced mid-read fails instead of mixing versions.
            return blob(path).openInputStream();
        } catch (BlobStorageException e) {
            throw notFoundOr(e, path);
        }
    }

    @Override
    public Optional<LakeFile> stat(String path) throws IOException {
        try {
            BlobProperties properties = blob(path).getProperties();
            return Optional.of(new LakeFile(path, properties.getBlobSize(), properties.getETag(), properties.getCreationTime().toInstant()));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("cannot stat " + path + " in " + describe(), e);
        }
    }

    @Override
    public List<LakeFile> list(String prefix) throws IOException {
        LakePaths.requirePrefix(prefix);
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix.isEmpty() ? null : prefix);
        options.getDetails().setRetrieveMetadata(true);
        List<LakeFile> files = new ArrayList<>();
        try {
            for (BlobItem item : container.listBlobs(options, null)) {
                Map<String, String> metadata = item.getMetadata();
                boolean directory = metadata != null && "true".equalsIgnoreCase(metadata.get(DIRECTORY_MARKER));
                if (Boolean.TRUE.equals(item.isPrefix()) || directory) {
                    continue;
                }
                files.add(new LakeFile(item.getName(), item.getProperties().getContentLength(),
                        item.getProperties().getETag(), item.getProperties().getCreationTime().toInstant()));
            }
        } catch (BlobStorageException e) {
            throw new IOException("cannot list " + prefix + " in " + describe(), e);
        }
        files.sort(Comparator.comparing(LakeFile::path));
        return files;
    }

    @Override
    public void write(String path, InputStream data, long length) throws IOException {
        upload(path, new LengthCheckedInputStream(data, length), new BlobRequestConditions());
    }

    @Override
    public boolean writeIfAbsent(String path, byte[] data) throws IOException {
        return replaceIfMatch(path, data, Optional.empty());
    }

    @Override
    public boolean replaceIfMatch(String path, byte[] data, Optional<String> expectedEtag) throws IOException {
        BlobRequestConditions conditions = expectedEtag.isPresent()
                ? new BlobRequestConditions().setIfMatch(expectedEtag.get())
                : new BlobRequestConditions().setIfNoneMatch("*");
        try {
            upload(path, new java.io.ByteArrayInputStream(data), conditions);
            return true;
        } catch (IOException e) {
            if (e.getCause() instanceof BlobStorageException s
                    && (s.getStatusCode() == 409 || s.getStatusCode() == 412 || s.getStatusCode() == 404)) {
                return false; // exists already, changed meanwhile, or gone: not the version the caller expected
            }
            throw e;
        }
    }

    @Override
    public void delete(String path) throws IOException {
        try {
            blob(path).deleteIfExists();
        } catch (BlobStorageException e) {
            throw new IOException("cannot delete " + path + " in " + describe(), e);
        }
    }

    @Override
    public boolean isAvailable() {
        try {
            return container.exists();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return container.getBlobContainerUrl();
    }

    private void upload(String path, InputStream data, BlobRequestConditions conditions) throws IOException {
        BlobParallelUploadOptions options = new BlobParallelUploadOptions(data)
                .setParallelTransferOptions(TRANSFER)
                .setRequestConditions(conditions);
        try {
            blob(path).uploadWithResponse(options, null, null);
        } catch (BlobStorageException e) {
            throw new IOException("cannot write " + path + " to " + describe() + " (" + e.getStatusCode() + ")", e);
        } catch (RuntimeException e) {
            // A failing input stream (short, overlong, broken) surfaces wrapped by the SDK's reactive pipeline.
            Throwable cause = reactor.core.Exceptions.unwrap(e);
            if (cause instanceof UncheckedIOException unchecked) {
                cause = unchecked.getCause();
            }
            if (cause instanceof IOException io) {
                throw new IOException("cannot write " + path + " to " + describe() + ": " + io.getMessage(), io);
            }
            throw e;
        }
    }

    private BlobClient blob(String path) {
        return container.getBlobClient(LakePaths.requireFilePath(path));
    }

    private IOException notFoundOr(BlobStorageException e, String path) {
        if (e.getStatusCode() == 404) {
            return new LakeFileNotFoundException(describe(), path);
        }
        return new IOException("cannot open " + path + " in " + describe(), e);
    }
}
