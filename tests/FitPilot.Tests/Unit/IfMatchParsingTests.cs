using Azure;
using HttpApi = FitPilot.Functions.Http.Api;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;

namespace FitPilot.Tests.Unit;

public sealed class IfMatchParsingTests
{
    private static HttpRequest With(params string[] values)
    {
        var context = new DefaultHttpContext();
        if (values.Length > 0) context.Request.Headers.IfMatch = values;
        return context.Request;
    }

    [Theory]
    [InlineData("W/\"datetime'2026-11-27T18%3A11%3A38.1234567Z'\"")]
    [InlineData("\"abc\"")]
    public void One_entity_tag_is_read_as_sent(string tag) => Assert.Equal(tag, HttpApi.IfMatch(With(tag))!.Value.ToString());

    [Fact]
    public void No_header_or_a_star_means_any_version()
    {
        Assert.Null(HttpApi.IfMatch(With()));
        Assert.Null(HttpApi.IfMatch(With("*")));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("W/abc")]
    [InlineData("\"a\", \"b\"")]
    [InlineData("\"")]
    [InlineData("\"a\"b\"")]
    [InlineData("\"with space\"")]
    public void Anything_else_is_a_400(string tag) => Assert.Equal(400, Assert.Throws<ProblemException>(() => HttpApi.IfMatch(With(tag))).Status);

    [Fact]
    public void Two_headers_are_a_400() => Assert.Equal(400, Assert.Throws<ProblemException>(() => HttpApi.IfMatch(With("\"a\"", "\"b\""))).Status);

    [Fact]
    public void A_different_version_is_a_409_and_weak_or_strong_forms_of_the_same_match()
    {
        var current = new ETag("W/\"v1\"");
        TenantTable.RequireVersion(null, current);
        TenantTable.RequireVersion(new ETag("W/\"v1\""), current);
        TenantTable.RequireVersion(new ETag("\"v1\""), current);
        Assert.Equal(DomainErrorKind.Conflict, Assert.Throws<DomainException>(() => TenantTable.RequireVersion(new ETag("\"v2\""), current)).Kind);
    }
}
