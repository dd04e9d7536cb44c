namespace FitPilot.Contracts.Engagement;

/// <summary>What a notification is about (the notification centre is shared by every feature).</summary>
public static class NotificationKinds
{
    public const string CheckInDue = "check-in-due";
    public const string CheckInSubmitted = "check-in-submitted";
    public const string CheckInReviewed = "check-in-reviewed";
    public const string Achievement = "achievement";
    public const string Message = "message";
    public const string Booking = "booking";
}

/// <summary>One in-app notification, newest first. <see cref="Link"/> is an app path (e.g. "app/check-in").</summary>
public sealed record Notification(string Id, string Kind, string Title, string? Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record UnreadCount(int Unread);

/// <summary>The achievement types (the spec's): milestone (workout counts, weight goals), streak, pr, fun.</summary>
public static class AchievementTypes
{
    public const string Milestone = "milestone";
    public const string Streak = "streak";
    public const string PersonalBest = "pr";
    public const string Fun = "fun";
}
