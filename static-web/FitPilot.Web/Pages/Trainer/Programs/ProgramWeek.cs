namespace FitPilot.Web.Pages.Trainer.Programs;

/// <summary>The builder's 7-day grid: days as the contracts number them (0 = Sunday … 6), shown Monday first.</summary>
public static class ProgramWeek
{
    public static readonly int[] Order = [1, 2, 3, 4, 5, 6, 0];
    public static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
}
