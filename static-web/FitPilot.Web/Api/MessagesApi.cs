using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Messages;

namespace FitPilot.Web.Api;

/// <summary>PT ↔ client conversations: the PT's inbox, a conversation's pages, sending, read receipts and the long poll for changes.</summary>
public sealed class MessagesApi(ApiClient api)
{
    private static string Base(string clientId) => $"api/conversations/{ApiPath.Id(clientId)}";

    /// <summary>Raised with the unread count whenever a call here learns it, so the navigation badges and the pages agree.</summary>
    public event Action<int>? UnreadChanged;

    public Task<ApiResult<List<ConversationSummary>>> InboxAsync() => api.GetAsync<List<ConversationSummary>>("api/conversations");

    public async Task<ApiResult<UnreadCount>> UnreadAsync()
    {
        var result = await api.GetAsync<UnreadCount>("api/messages/unread");
        if (result.Ok) UnreadChanged?.Invoke(result.Value!.Unread);
        return result;
    }

    public Task<ApiResult<MessagePage>> PageAsync(string clientId, string? cursor = null, string? search = null) =>
        api.GetAsync<MessagePage>(ApiPath.WithQuery($"{Base(clientId)}/messages", ("cursor", cursor), ("q", search)));

    public Task<ApiResult<Message>> SendAsync(string clientId, SendMessageRequest request) => api.PostAsync<Message>($"{Base(clientId)}/messages", request);

    /// <summary>A write-only URL for one picture to send in this conversation (PUT it with js/progress.js).</summary>
    public Task<ApiResult<MessageImageTicket>> StartImageAsync(string clientId) => api.PostAsync<MessageImageTicket>($"{Base(clientId)}/images", null);

    /// <summary>Where an uploaded picture is: pending, ready (with its thumbnail) or rejected (with the reason).</summary>
    public Task<ApiResult<MessageImageUpload>> ImageAsync(string clientId, string imageId) =>
        api.GetAsync<MessageImageUpload>($"{Base(clientId)}/images/{ApiPath.Id(imageId)}");

    /// <summary>Marks the other side's messages read up to one; then the caller's total for the badges.</summary>
    public async Task<ApiResult<UnreadCount>> MarkReadAsync(string clientId, string upToMessageId)
    {
        var result = await api.PostAsync<UnreadCount>($"{Base(clientId)}/read", new MarkReadRequest { UpToMessageId = upToMessageId });
        if (result.Ok) await UnreadAsync();
        return result;
    }

    /// <summary>Waits (up to 25 s on the server) for new messages and receipts after <paramref name="cursor"/>.</summary>
    public Task<ApiResult<ConversationChanges>> ChangesAsync(string clientId, string cursor) =>
        api.GetAsync<ConversationChanges>(ApiPath.WithQuery($"{Base(clientId)}/changes", ("cursor", cursor)));
}
