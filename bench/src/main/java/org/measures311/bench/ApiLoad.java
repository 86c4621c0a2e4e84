package org.measures311.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /measures/{id}/values} against a running server, from a number of concurrent clients, each on its
 * own keep-alive connection sending its next request when the previous answer has been read in full (closed
 * loop). The same load runs as a warm-up for a few seconds first, so the figures are of a warm server (and a warm
 * load generator), as a deployed instance serves Power BI's refreshes: on this machine the first seconds after
 * {@code serve} starts carry the JIT compiling both sides and the first young collections after the start-up
 * recompute (pauses of 80-125 ms, then 2-5 ms), which set the p99 of a short run. Then several measured rounds;
 * the figures are their medians.
 *
 * <p>The clients are netty channels on one event-loop thread: on a 2-core machine the load generator shares the
 * CPU with the server, and 50 blocking {@code java.net.http.HttpClient} callers cost about four times the
 * server's own CPU per request (measured: ~0.4 ms against ~0.1 ms), so they, not the server, set the tail.
 * Latency runs from handing the request to the channel to the last byte of the answer decoded.
 */
final class ApiLoad {
    /** Medians over the measured rounds; requests and failures are those of all of them together. */
    record Result(int clients, int rounds, double warmUpSeconds, int requests, int failures, String firstFailure,
                  double p50Millis, double p99Millis, double requestsPerSecond) {
    }

    private static final int MAX_ANSWER_BYTES = 16 << 20;

    private ApiLoad() {
    }

    /**
     * @param apiRoot       e.g. {@code http://127.0.0.1:7071/api}; paths are appended to it
     * @param warmUpSeconds rounds of the same load run, unmeasured, until this much time has passed
     * @param rounds        measured rounds of {@code requestsPerClient} requests per client
     */
    static Result run(URI apiRoot, int clients, int requestsPerClient, List<String> paths, double warmUpSeconds,
                      int rounds) throws IOException, InterruptedException {
        EventLoopGroup loop = new NioEventLoopGroup(1);
        try {
            long warmUpStarted = System.nanoTime();
            do {
                round(loop, apiRoot, paths, clients, requestsPerClient);
            } while (System.nanoTime() - warmUpStarted < warmUpSeconds * 1e9);
            double warmedUp = (System.nanoTime() - warmUpStarted) / 1e9;
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> perSecond = new ArrayList<>();
            int requests = 0;
            int failures = 0;
            String firstFailure = null;
            for (int r = 0; r < rounds; r++) {
                long started = System.nanoTime();
                Round measured = round(loop, apiRoot, paths, clients, requestsPerClient);
                double seconds = (System.nanoTime() - started) / 1e9;
                long[] all = measured.latencies.stream().flatMapToLong(Arrays::stream).filter(l -> l > 0).toArray();
                requests += all.length;
                failures += measured.failures.get();
                firstFailure = firstFailure != null ? firstFailure : measured.firstFailure.get();
                if (all.length > 0) {
                    p50.add(Stats.percentile(all, 50) / 1e6);
                    p99.add(Stats.percentile(all, 99) / 1e6);
                    perSecond.add(all.length / seconds);
                }
            }
            return new Result(clients, rounds, warmedUp, requests, failures, firstFailure, median(p50), median(p99),
                    median(perSecond));
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static double median(List<Double> values) {
        return values.isEmpty() ? Double.NaN : Stats.median(values);
    }

    private record Round(List<long[]> latencies, AtomicInteger failures, AtomicReference<String> firstFailure) {
    }

    private static Round round(EventLoopGroup loop, URI apiRoot, List<String> paths, int clients, int requestsPerClient)
            throws IOException, InterruptedException {
        Round round = new Round(new ArrayList<>(), new AtomicInteger(), new AtomicReference<>());
        CountDownLatch done = new CountDownLatch(clients);
        String host = apiRoot.getHost();
        int port = apiRoot.getPort();
        List<Channel> channels = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                long[] mine = new long[requestsPerClient];
                round.latencies.add(mine);
                ClosedLoopClient client = new ClosedLoopClient(apiRoot, host + ":" + port, paths, c, mine, round, done);
                Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_ANSWER_BYTES), client);
                            }
                        });
                Channel channel = bootstrap.connect(host, port).sync().channel();
                channels.add(channel);
            }
            // Every connection is open before the first request, so connecting is not in the figures.
            for (Channel channel : channels) {
                channel.eventLoop().execute(() -> channel.pipeline().get(ClosedLoopClient.class).sendNext(channel));
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IOException("API load did not finish in 10 minutes");
            }
            return round;
        } finally {
            for (Channel channel : channels) {
                channel.close().syncUninterruptibly();
            }
        }
    }

    /** One client: its own connection, one request at a time, the next sent when the answer is complete. */
    private static final class ClosedLoopClient extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final String rawPathPrefix;
        private final String hostHeader;
        private final List<String> paths;
        private final int offset;
        private final long[] latencies;
        private final Round round;
        private final CountDownLatch done;
        private int sent;
        private long sentAt;
        private boolean finished;

        ClosedLoopClient(URI apiRoot, String hostHeader, List<String> paths, int offset, long[] latencies, Round round,
                         CountDownLatch done) {
            this.rawPathPrefix = apiRoot.getRawPath();
            this.hostHeader = hostHeader;
            this.paths = paths;
            this.offset = offset;
            this.latencies = latencies;
            this.round = round;
            this.done = done;
        }

        void sendNext(Channel channel) {
            if (sent == latencies.length) {
                finish();
                return;
            }
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                    rawPathPrefix + paths.get((offset + sent) % paths.size()));
            request.headers().set(HttpHeaderNames.HOST, hostHeader);
            sentAt = System.nanoTime();
            channel.writeAndFlush(request).addListener(f -> {
                if (!f.isSuccess()) {
                    fail(f.cause().toString());
                }
            });
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            long took = System.nanoTime() - sentAt;
            if (response.status().code() == 200 && response.content().readableBytes() > 0) {
                latencies[sent] = took;
            } else {
                round.failures.incrementAndGet();
                round.firstFailure.compareAndSet(null, "HTTP " + response.status().code() + " "
                        + response.content().toString(StandardCharsets.UTF_8));
            }
            sent++;
            sendNext(ctx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(cause.toString());
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!finished) {
                fail("connection closed by the server after " + sent + " answers");
            }
        }

        /** The rest of this client's requests count as failed: it has no connection to send them on. */
        private void fail(String why) {
            if (finished) {
                return;
            }
            round.failures.addAndGet(latencies.length - sent);
            round.firstFailure.compareAndSet(null, why);
            finish();
        }

        private void finish() {
            if (!finished) {
                finished = true;
                done.countDown();
            }
        }
    }
}
