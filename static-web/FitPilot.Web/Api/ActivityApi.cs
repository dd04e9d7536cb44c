using FitPilot.Contracts.Activity;
using FitPilot.Contracts.Common;

namespace FitPilot.Web.Api;

/// <summary>The PT's recent-activity feed: what their clients did (finished workouts…), newest first.</summary>
public sealed class ActivityApi(ApiClient api)
{
    /// <summary>One page of the feed, all clients or one (<paramref name="clientId"/>); pass the previous page's <see cref="Page{T}.NextCursor"/> for the next.</summary>
    public Task<ApiResult<Page<ActivityItem>>> ListAsync(string? clientId = null, int limit = 20, string? cursor = null) =>
        api.GetAsync<Page<ActivityItem>>(ApiPath.WithQuery("api/activity",
            ("clientId", clientId), ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)));
}
