package org.measures311.local;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.measures311.api.ApiProblem;
import org.measures311.api.ApiRequest;
import org.measures311.api.ApiResponse;
import org.measures311.api.MeasuresApi;
import org.measures311.api.ProblemResponses;

/**
 * One connection's requests: checked on the event loop (outside {@code /api}, unreadable), answered by
 * {@link MeasuresApi} on the worker pool, written back on the event loop. Requests pipelined on one connection
 * are answered one at a time, in the order they came; a request the pool has no room for is refused with 503.
 * State here belongs to the connection's event loop, so it needs no locking.
 */
final class ApiChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Pattern HOST_HEADER = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");
    private static final Logger LOG = Logger.getLogger(ApiChannelHandler.class.getName());

    private final MeasuresApi api;
    private final Executor workers;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean answering;

    ApiChannelHandler(MeasuresApi api, Executor workers) {
        super(false);
        this.api = api;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (answering) {
            waiting.add(request);
        } else {
            serve(ctx, request);
        }
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        answering = true;
        boolean head = HttpMethod.HEAD.equals(request.method());
        boolean readable = request.decoderResult().isSuccess();
        boolean keepAlive = readable && HttpUtil.isKeepAlive(request);
        String path = NettyExchange.rawPath(request.uri());
        ApiRequest apiRequest = null;
        ApiResponse refused;
        try {
            if (!readable) {
                refused = ProblemResponses.of(ApiProblem.invalid(null, "The request could not be read as HTTP/1.1."), "/");
            } else if (!path.equals(ApiRequest.API_PREFIX) && !path.startsWith(ApiRequest.API_PREFIX + "/")) {
                refused = ProblemResponses.of(ApiProblem.notFound(null, "The API is under /api/."), path);
            } else {
                URI uri = absolute(ctx, request);
                refused = uri == null
                        ? ProblemResponses.of(ApiProblem.invalid(null, "The request target is not a valid URI path."), "/")
                        : null;
                if (uri != null) {
                    apiRequest = ApiRequest.of(request.method().name(), uri, NettyExchange.headers(request),
                            ByteBufUtil.getBytes(request.content()));
                }
            }
        } finally {
            request.release();
        }
        if (refused != null) {
            finish(ctx, refused, head, keepAlive);
            return;
        }
        ApiRequest toAnswer = apiRequest;
        try {
            workers.execute(() -> {
                ApiResponse answer = answer(toAnswer, path);
                ctx.executor().execute(() -> finish(ctx, answer, head, keepAlive));
            });
        } catch (RejectedExecutionException busy) {
            // Every worker is busy and the queue is full (or the server is stopping): refuse at once, cheaply.
            finish(ctx, ProblemResponses.of(new ApiProblem(ApiProblem.Type.SERVICE_UNAVAILABLE, null,
                    "The server is busy; try again shortly."), path), head, keepAlive);
        }
    }

    private ApiResponse answer(ApiRequest request, String path) {
        try {
            return api.handle(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected failure answering " + path, e);
            return ProblemResponses.of(new ApiProblem(ApiProblem.Type.INTERNAL_ERROR, null,
                    "The request could not be answered."), path);
        }
    }

    private void finish(ChannelHandlerContext ctx, ApiResponse answer, boolean head, boolean keepAlive) {
        ChannelFuture written = ctx.writeAndFlush(NettyExchange.response(answer, head, keepAlive));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
            releaseWaiting();
            return;
        }
        answering = false;
        FullHttpRequest next = waiting.poll();
        if (next != null) {
            serve(ctx, next);
        }
    }

    /**
     * The absolute URI the API sees: the Host header when it is a plain host[:port], else the address this
     * connection came in on.
     */
    private static URI absolute(ChannelHandlerContext ctx, FullHttpRequest request) {
        String target = request.uri();
        if (!target.startsWith("/")) {
            return null;
        }
        String host = request.headers().get("Host");
        String authority = host == null || host.isBlank() || !HOST_HEADER.matcher(host).matches()
                ? LocalHttpServer.authority((InetSocketAddress) ctx.channel().localAddress()) : host;
        try {
            return URI.create("http://" + authority + target);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            if (!answering) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseWaiting();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "connection ended: " + cause, cause);
        ctx.close();
    }

    private void releaseWaiting() {
        FullHttpRequest r;
        while ((r = waiting.poll()) != null) {
            r.release();
        }
    }
}
