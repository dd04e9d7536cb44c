using System.Net;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Common;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Auth;

[Collection(HostCollection.Name)]
public sealed class LoginThrottleTests(HostFixture host)
{
    [Fact]
    public async Task A_key_is_refused_with_429_and_Retry_After_once_it_used_up_its_window()
    {
        var throttle = host.Services.GetRequiredService<LoginThrottle>();
        var key = "login-ip:test-" + Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await throttle.EnsureAllowedAsync(key, 3, TimeSpan.FromMinutes(15), default);
            await throttle.RecordAsync(key, TimeSpan.FromMinutes(15), default);
        }
        var refused = await Assert.ThrowsAsync<DomainException>(() => throttle.EnsureAllowedAsync(key, 3, TimeSpan.FromMinutes(15), default));
        Assert.Equal(DomainErrorKind.TooManyRequests, refused.Kind); // the pipeline's 429
        Assert.InRange(refused.RetryAfterSeconds!.Value, 1, 15 * 60);
        // Another key is not affected.
        await throttle.EnsureAllowedAsync(key + "-other", 3, TimeSpan.FromMinutes(15), default);
    }
}
