namespace FitPilot.Contracts.Settings;

/// <summary>Which emails a user wants. Account emails (invitations, password resets) are always sent.</summary>
public sealed record NotificationPreferences
{
    public bool EmailOnNewMessage { get; init; } = true;
    public bool EmailOnCheckIn { get; init; } = true;
    public bool EmailOnBooking { get; init; } = true;
    public bool CheckInReminders { get; init; } = true;
    public bool WeeklySummary { get; init; } = false;
}
