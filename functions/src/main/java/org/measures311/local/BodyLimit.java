package org.measures311.local;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import org.measures311.api.ApiProblem;
import org.measures311.api.MeasuresApi;
import org.measures311.api.ProblemResponses;

/**
 * Gathers a request and its body into one message, up to {@link MeasuresApi#MAX_BODY_BYTES}. A body announced or
 * sent beyond that is answered at once with the API's 413 problem (not netty's bare 413) and the connection is
 * closed, so the rest is never read.
 */
final class BodyLimit extends HttpObjectAggregator {
    BodyLimit() {
        super(MeasuresApi.MAX_BODY_BYTES);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        String path = oversized instanceof HttpRequest request ? NettyExchange.rawPath(request.uri()) : "/";
        var problem = ProblemResponses.of(new ApiProblem(ApiProblem.Type.PAYLOAD_TOO_LARGE, null,
                "Request bodies are limited to " + MeasuresApi.MAX_BODY_BYTES + " bytes."), path);
        ctx.writeAndFlush(NettyExchange.response(problem, false, false)).addListener(ChannelFutureListener.CLOSE);
    }
}
