using Azure;
using FitPilot.Functions.Common;
using Microsoft.AspNetCore.Http;

namespace FitPilot.Functions.Http;

/// <summary>
/// What a function answers, typed: a JSON body (with the version it shows, when it has one), a
/// created resource, no content, or bytes. The pipeline writes it; a versioned value always sends its ETag.
/// </summary>
public abstract record Reply
{
    public static Reply Ok<T>(T value) => new JsonReply(200, value, null, null);
    public static Reply Ok<T>(Versioned<T> value) => new JsonReply(200, value.Value, value.ETag, null);
    public static Reply Created<T>(string location, T value) => new JsonReply(201, value, null, location);
    public static Reply Created<T>(string location, Versioned<T> value) => new JsonReply(201, value.Value, value.ETag, location);
    public static Reply NoContent() => new StatusReply(204);
    public static Reply Accepted() => new StatusReply(202);
    public static Reply Bytes(ReadOnlyMemory<byte> content, string contentType, string? cacheControl = null) => new BytesReply(content, contentType, cacheControl);
    public static Reply Text(string text, string contentType) => new TextReply(text, contentType);

    internal abstract IResult ToResult(HttpResponse response);

    private sealed record JsonReply(int StatusCode, object? Value, ETag? ETag, string? Location) : Reply
    {
        internal override IResult ToResult(HttpResponse response)
        {
            if (ETag is { } tag) response.Headers.ETag = tag.ToString("H");
            if (Location is not null) response.Headers.Location = Location;
            return Results.Json(Value, FitPilotJson.Options, statusCode: StatusCode);
        }
    }

    private sealed record StatusReply(int StatusCode) : Reply
    {
        internal override IResult ToResult(HttpResponse response) => Results.StatusCode(StatusCode);
    }

    private sealed record BytesReply(ReadOnlyMemory<byte> Content, string ContentType, string? CacheControl) : Reply
    {
        internal override IResult ToResult(HttpResponse response)
        {
            if (CacheControl is not null) response.Headers.CacheControl = CacheControl;
            return Results.Bytes(Content, ContentType);
        }
    }

    private sealed record TextReply(string Content, string ContentType) : Reply
    {
        internal override IResult ToResult(HttpResponse response) => Results.Text(Content, ContentType);
    }
}

/// <summary>One call of a function: who, the If-Match they sent (one entity tag, or none), the request, the cancellation.</summary>
public record Call<TCaller>(TCaller Caller, ETag? IfMatch, HttpRequest Request, CancellationToken Cancellation)
{
    public HttpResponse Response => Request.HttpContext.Response;
}

/// <summary>One call of a function that takes a JSON body: the body arrives parsed and validated.</summary>
public sealed record Call<TCaller, TBody>(TCaller Caller, TBody Body, ETag? IfMatch, HttpRequest Request, CancellationToken Cancellation)
    : Call<TCaller>(Caller, IfMatch, Request, Cancellation);
