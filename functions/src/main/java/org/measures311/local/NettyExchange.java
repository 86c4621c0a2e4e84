package org.measures311.local;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.measures311.api.ApiResponse;

/** Between netty's HTTP messages and the API's request and response records. */
final class NettyExchange {
    private NettyExchange() {
    }

    /** The path of a request target ({@code /api/x?y} gives {@code /api/x}), still percent-encoded. */
    static String rawPath(String requestTarget) {
        return new QueryStringDecoder(requestTarget).rawPath();
    }

    /** Every header as sent, by name; the API looks names up case-insensitively. */
    static Map<String, List<String>> headers(FullHttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1)).add(h.getValue());
        }
        return headers;
    }

    /**
     * The API's answer as an HTTP/1.1 response. No body for 204, 304 and HEAD; {@code keepAlive} false adds
     * {@code Connection: close} (the caller closes after writing).
     */
    static FullHttpResponse response(ApiResponse answer, boolean head, boolean keepAlive) {
        int status = answer.status();
        boolean bodyless = status == 204 || status == 304;
        boolean sendBody = !bodyless && !head && answer.body().length > 0;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                sendBody ? Unpooled.wrappedBuffer(answer.body()) : Unpooled.EMPTY_BUFFER);
        for (Map.Entry<String, List<String>> h : answer.headers().entrySet()) {
            response.headers().add(h.getKey(), h.getValue());
        }
        response.headers().set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        if (!bodyless) {
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, head ? answer.body().length : response.content().readableBytes());
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
