package org.measures311.local;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.measures311.api.ApiRequest;
import org.measures311.api.MeasuresApi;

/**
 * Serves {@link MeasuresApi} on {@code http://host:port/api/} over HTTP/1.1 with keep-alive, for
 * {@code ./measures311 serve} and tests. Like Core Tools it asks for no key, so it binds to loopback unless told
 * otherwise. It bounds what a caller can take: a fixed pool of workers with a bounded queue (beyond it, 503), and
 * request bodies of at most {@link MeasuresApi#MAX_BODY_BYTES} (beyond it, 413, read no further).
 *
 * <p>Netty's HTTP codec reads and writes the protocol on an event loop; the API runs on the worker pool, since an
 * uncached answer (OData, a recompute) may take a while and must not hold up other connections. The JDK's
 * built-in server did the same job with one dispatcher thread and more work and garbage per exchange (a heap
 * buffer per write, a buffered stream and header lists per exchange), which showed in the tail under 50
 * concurrent clients on two cores (docs/performance.md).
 */
public final class LocalHttpServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 7071;
    public static final String LOOPBACK = "127.0.0.1";
    /**
     * Requests that may wait for a worker: room for a few hundred concurrent clients (Power BI refreshes in
     * parallel, a dashboard fans out), since a cached answer takes a worker well under a millisecond. Beyond it
     * a request is refused at once rather than left waiting without bound.
     */
    public static final int MIN_QUEUED_REQUESTS = 256;
    /** Connections the OS may hold before they are accepted. */
    private static final int ACCEPT_BACKLOG = 256;
    /** Request line and headers: long OData filters and query strings are refused by the API, not cut by the codec. */
    static final int MAX_REQUEST_LINE_BYTES = 64 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** A connection with nothing sent or received for this long is closed, as the JDK server did. */
    static final int IDLE_SECONDS = 30;
    /** How long stopping waits for requests under way before it cuts them off. */
    private static final long STOP_GRACE_MILLIS = 1_000;
    private static final Logger LOG = Logger.getLogger(LocalHttpServer.class.getName());

    private final MeasuresApi api;
    private final InetAddress bindAddress;
    private final int workers;
    private EventLoopGroup eventLoops;
    private Channel listening;
    private ChannelGroup connections;
    private ThreadPoolExecutor executor;

    /** Loopback only, {@code 2 x processors} workers (at least 4). */
    public LocalHttpServer(MeasuresApi api) {
        this(api, InetAddress.getLoopbackAddress(), Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param bindAddress where to listen; anything but loopback exposes an unauthenticated API to the network
     * @param workers     requests served at once
     */
    public LocalHttpServer(MeasuresApi api, InetAddress bindAddress, int workers) {
        this.api = Objects.requireNonNull(api, "api");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.workers = workers;
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public synchronized void start(int port) throws IOException {
        if (listening != null) {
            throw new IllegalStateException("already started");
        }
        if (!bindAddress.isLoopbackAddress()) {
            LOG.warning("serving the API without keys on " + bindAddress.getHostAddress() + ": reachable from the network");
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(MIN_QUEUED_REQUESTS, workers * 4)), r -> {
                    Thread t = new Thread(r, "measures311-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        // Accepting, reading and writing are cheap next to answering: one event loop per core is plenty.
        EventLoopGroup loops = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("measures311-io", true));
        ChannelGroup open = new DefaultChannelGroup("measures311-connections", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                // An answer goes out as headers, then body; with Nagle's algorithm on, its last segment would
                // wait for the client's delayed ACK (about 40 ms on Linux).
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        open.add(ch);
                        ch.pipeline().addLast(
                                new HttpServerCodec(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, 8192),
                                new IdleStateHandler(0, 0, IDLE_SECONDS),
                                new BodyLimit(),
                                new ApiChannelHandler(api, pool));
                    }
                });
        try {
            listening = bootstrap.bind(new InetSocketAddress(bindAddress, port)).sync().channel();
        } catch (Exception e) {
            // sync() rethrows the bind failure as it is (a BindException when the port is taken).
            shutDown(loops, pool);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot listen on " + bindAddress.getHostAddress() + ":" + port + ": " + e, e);
        }
        eventLoops = loops;
        connections = open;
        executor = pool;
    }

    public synchronized int port() {
        return listeningAddress().getPort();
    }

    /** The API root, e.g. {@code http://127.0.0.1:7071/api}. */
    public synchronized String baseUrl() {
        return "http://" + authority(listeningAddress()) + ApiRequest.API_PREFIX;
    }

    private InetSocketAddress listeningAddress() {
        if (listening == null) {
            throw new IllegalStateException("not started");
        }
        return (InetSocketAddress) listening.localAddress();
    }

    /** Host and port as they go in a URL ({@code [::1]:7071} for IPv6). */
    static String authority(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /**
     * Stops listening, gives requests under way a moment to finish (they are cut off after
     * {@value #STOP_GRACE_MILLIS} ms), then closes every connection and the threads.
     */
    public synchronized void stop() {
        if (listening == null) {
            return;
        }
        listening.close().syncUninterruptibly();
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close().awaitUninterruptibly(STOP_GRACE_MILLIS);
        shutDown(eventLoops, executor);
        listening = null;
    }

    private static void shutDown(EventLoopGroup loops, ThreadPoolExecutor pool) {
        pool.shutdownNow();
        loops.shutdownGracefully(0, STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop();
    }
}
