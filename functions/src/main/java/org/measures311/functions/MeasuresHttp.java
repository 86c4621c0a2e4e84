package org.measures311.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.measures311.api.ApiRequest;
import org.measures311.api.ApiResponse;

/**
 * The HTTP routes of {@link org.measures311.api.Route}, one function each so that each carries its own auth
 * level (function keys on data, admin key on recompute, anonymous health). Every function hands the request to
 * the same router the local server uses.
 */
public class MeasuresHttp {

    @FunctionName("catalog")
    public HttpResponseMessage catalog(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "measures",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    @FunctionName("values")
    public HttpResponseMessage values(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "measures/{id}/values",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    @FunctionName("lineage")
    public HttpResponseMessage lineage(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "measures/{id}/values/{period}/lineage",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    @FunctionName("scorecard")
    public HttpResponseMessage scorecard(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "scorecard",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    @FunctionName("drops")
    public HttpResponseMessage drops(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "drops",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    @FunctionName("odata")
    public HttpResponseMessage odata(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "odata/{*path}",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    @FunctionName("openapi")
    public HttpResponseMessage openapi(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "openapi.json",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    @FunctionName("recompute")
    public HttpResponseMessage recompute(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "recompute",
                    authLevel = AuthorizationLevel.ADMIN) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    @FunctionName("health")
    public HttpResponseMessage health(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "health",
                    authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> req,
            ExecutionContext context) {
        return serve(req, context);
    }

    static HttpResponseMessage serve(HttpRequestMessage<Optional<String>> req, ExecutionContext context) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        req.getHeaders().forEach((k, v) -> headers.put(k, List.of(v)));
        byte[] body = req.getBody().map(b -> b.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        ApiRequest request = ApiRequest.of(req.getHttpMethod().name(), req.getUri(), headers, body);
        ApiResponse response = FunctionApp.get().api().handle(request);
        context.getLogger().info(() -> request.method() + " " + request.path() + " -> " + response.status());
        HttpResponseMessage.Builder builder = req.createResponseBuilder(HttpStatusType.custom(response.status()));
        response.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        return builder.body(response.body()).build();
    }
}
