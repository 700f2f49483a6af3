using Microsoft.AspNetCore.Http.Metadata;

namespace CampaignManager.Hosting;

/// <summary>
/// Every JSON command passes here before any endpoint code runs, so the rules that are the same for all 30-odd
/// commands live once: a body within the size limit, well-formed, a JSON object (a body of <c>null</c> used to
/// reach Validate as a null command), no string PostgreSQL cannot store, and every value of the type the command
/// declares (wrong types, unknown enum values, absurd dates), each refusal naming the field. Commands that take
/// no body (close, finalize) still get the well-formedness check: malformed JSON is never taken as "no body".
/// Field-specific rules (lengths, required, single-line names) stay in each command's Validate.
/// </summary>
internal sealed class JsonBodyGate(RequestDelegate next, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method)
            || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var limit = RequestLimits.Apply(context, endpoint);
        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is null && endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null)
        {
            // an upload (CSV) that reads its own body: only the size limit applies here
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
            await next(context);
            return;
        }

        var body = await RequestLimits.ReadAsync(context.Request.Body, limit, context.RequestAborted);
        if (body is null) throw RequestLimits.TooLarge(limit);
        if (Check(body, accepts?.RequestType) is { } errors)
        {
            await Results.Problem(Problems.Validation(errors)).ExecuteAsync(context);
            return;
        }
        context.Request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    private FieldErrors? Check(byte[] body, Type? requestType)
    {
        var errors = new FieldErrors();
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            return requestType is null ? null : errors.Add("body", "is required: send a JSON object");
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return errors.Add("body", "must be a JSON object");
            JsonTextScan.Check(document.RootElement, "", errors);
        }
        catch (JsonException e)
        {
            return errors.Add("body", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        if (errors.Count > 0 || requestType is null) return errors.Count > 0 ? errors : null;

        try
        {
            JsonSerializer.Deserialize(body, requestType, json.Value.SerializerOptions);
            return null;
        }
        catch (JsonException e)
        {
            var field = e.Path is null or "$" ? "body" : e.Path.TrimStart('$').TrimStart('.');
            return errors.Add(field, e is JsonFieldException ? e.Message : "has the wrong type or is not one of the allowed values");
        }
    }
}

/// <summary>Thrown by our own converters with a message meant for the caller (the gate shows it as the field's error).</summary>
public sealed class JsonFieldException(string message) : JsonException(message);
