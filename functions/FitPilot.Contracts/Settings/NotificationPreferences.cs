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

/// <summary>How weights (always stored in kg: "kg" or "lb") and lengths (always stored in cm: "cm" or "in") are shown and typed.</summary>
public sealed record UnitSettings
{
    [System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.AllowedValues(Common.WeightUnits.Kg, Common.WeightUnits.Lb, ErrorMessage = "Choose kg or lb.")]
    public required string WeightUnit { get; init; }

    /// <summary>"cm" or "in"; left out (null), the length unit stays as it is (cm for a user who never chose).</summary>
    [System.ComponentModel.DataAnnotations.AllowedValues(Progress.LengthUnits.Cm, Progress.LengthUnits.In, null, ErrorMessage = "Choose cm or in.")]
    public string? LengthUnit { get; init; }
}
