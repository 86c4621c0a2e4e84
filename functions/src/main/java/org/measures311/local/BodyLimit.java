package org.measures311.local;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.measures311.api.ApiProblem;
import org.measures311.api.MeasuresApi;
import org.measures311.api.ProblemResponses;

/**
 * Gathers a request and its body into one message, up to {@link MeasuresApi#MAX_BODY_BYTES}. A body announced or
 * sent beyond that is answered at once with the API's 413 problem (not netty's bare 413), and the connection is
 * then ended with a lingering close: the answer goes out with {@code Connection: close}, our side of the
 * connection is shut, and whatever the client still sends is read and thrown away until it closes its side or
 * {@value #LINGER_MILLIS} ms have passed. Closing at once would leave the unread body in the socket, and the
 * kernel would answer it with a reset that can reach the client before it has read the 413 (so the client sees
 * a dropped connection instead of the reason).
 */
final class BodyLimit extends HttpObjectAggregator {
    /** How long a refused client may go on sending before the connection is cut. */
    static final long LINGER_MILLIS = 2_000;

    /** Set once a request was refused: everything after it on this connection is discarded. */
    private boolean refused;

    BodyLimit() {
        super(MeasuresApi.MAX_BODY_BYTES);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        refused = true;
        String path = oversized instanceof HttpRequest request ? NettyExchange.rawPath(request.uri()) : "/";
        var problem = ProblemResponses.of(new ApiProblem(ApiProblem.Type.PAYLOAD_TOO_LARGE, null,
                "Request bodies are limited to " + MeasuresApi.MAX_BODY_BYTES + " bytes."), path);
        ctx.writeAndFlush(NettyExchange.response(problem, false, false)).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess() || !(ctx.channel() instanceof DuplexChannel duplex)) {
                ctx.close();
                return;
            }
            duplex.shutdownOutput();
            ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        });
    }
}
