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

/// <summary>The signed-in user's time zone (an IANA id such as "Europe/London"): their "today", adherence weeks and reminders follow it.</summary>
public sealed record TimeZoneSettings
{
    [System.ComponentModel.DataAnnotations.Required, Common.TimeZone] public required string TimeZone { get; init; }
}

/// <summary>How weights are shown and typed (always stored in kg): "kg" or "lb".</summary>
public sealed record UnitSettings
{
    [System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.AllowedValues(Common.WeightUnits.Kg, Common.WeightUnits.Lb, ErrorMessage = "Choose kg or lb.")]
    public required string WeightUnit { get; init; }
}
