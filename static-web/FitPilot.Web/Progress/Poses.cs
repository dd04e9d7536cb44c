using System.Globalization;
using FitPilot.Contracts.Progress;

namespace FitPilot.Web.Progress;

/// <summary>The poses of a photo set in words, and the words of a photo (its alt text).</summary>
public static class Poses
{
    public static string Name(string pose) => pose switch
    {
        PhotoPoses.Front => "Front",
        PhotoPoses.SideLeft => "Side left",
        PhotoPoses.Back => "Back",
        PhotoPoses.SideRight => "Side right",
        _ => pose,
    };

    /// <summary>"12 Mar 2026".</summary>
    public static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Front, 12 Mar 2026".</summary>
    public static string Alt(string pose, DateOnly date) => $"{Name(pose)}, {Day(date)}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
