using FitPilot.Contracts.Settings;

namespace FitPilot.Web.Forms;

/// <summary>Which emails the user wants.</summary>
public sealed class NotificationPreferencesForm : FormModel<NotificationPreferences>
{
    public bool EmailOnNewMessage { get; set; }
    public bool EmailOnCheckIn { get; set; }
    public bool EmailOnBooking { get; set; }
    public bool CheckInReminders { get; set; }
    public bool WeeklySummary { get; set; }

    public static NotificationPreferencesForm From(NotificationPreferences p) => new()
    {
        EmailOnNewMessage = p.EmailOnNewMessage, EmailOnCheckIn = p.EmailOnCheckIn, EmailOnBooking = p.EmailOnBooking,
        CheckInReminders = p.CheckInReminders, WeeklySummary = p.WeeklySummary,
    };

    public override NotificationPreferences ToContract() => new()
    {
        EmailOnNewMessage = EmailOnNewMessage, EmailOnCheckIn = EmailOnCheckIn, EmailOnBooking = EmailOnBooking,
        CheckInReminders = CheckInReminders, WeeklySummary = WeeklySummary,
    };
}
