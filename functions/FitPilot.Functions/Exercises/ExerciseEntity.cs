using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Exercises;

namespace FitPilot.Functions.Exercises;

/// <summary>
/// An exercise: table <c>exercises</c>. PartitionKey = the owning PT's id, or
/// <see cref="GlobalPartition"/> for the shared library. Lists are '|'-joined (as in free-exercise-db).
/// </summary>
public sealed class ExerciseEntity : ITableEntity
{
    public const string GlobalPartition = "global";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Instructions { get; set; } = "";
    public string? VideoUrl { get; set; }
    public string PrimaryMuscles { get; set; } = "";
    public string SecondaryMuscles { get; set; } = "";
    public string? Equipment { get; set; }
    public string? Level { get; set; }
    public string Category { get; set; } = "";
    public string? Force { get; set; }
    public string? Mechanic { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    public string Id => RowKey;
    public bool IsGlobal => PartitionKey == GlobalPartition;

    public static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split('|');
    public static string Join(IEnumerable<string>? values) => values is null ? "" : string.Join('|', values.Select(v => v.Replace('|', '/').Trim()));

    public ExerciseDto ToDto()
    {
        var video = VideoLinks.Recognise(VideoUrl);
        return new ExerciseDto(Id, IsGlobal ? ExerciseSources.Library : ExerciseSources.Own, Name, Description, Split(Instructions),
            VideoUrl, video?.Provider, video?.EmbedUrl, Split(PrimaryMuscles), Split(SecondaryMuscles),
            Equipment, Level, Category, Force, Mechanic, CreatedAt, UpdatedAt, IsGlobal ? LibraryImages(Id) : []);
    }

    /// <summary>The start and end position pictures the web app ships for every library exercise (<c>/media/exercises/&lt;id&gt;/</c>).</summary>
    public static IReadOnlyList<string> LibraryImages(string id)
    {
        var folder = "/media/exercises/" + Uri.EscapeDataString(id);
        return [folder + "/0.webp", folder + "/1.webp"];
    }

    public void Apply(SaveExerciseRequest request, DateTimeOffset now)
    {
        Name = request.Name.Trim();
        Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        Instructions = Join(request.Instructions);
        VideoUrl = string.IsNullOrWhiteSpace(request.VideoUrl) ? null : request.VideoUrl.Trim();
        PrimaryMuscles = Join(request.PrimaryMuscles.Distinct());
        SecondaryMuscles = Join(request.SecondaryMuscles?.Distinct());
        Equipment = request.Equipment;
        Level = request.Level;
        Category = request.Category;
        Force = request.Force;
        Mechanic = request.Mechanic;
        UpdatedAt = now;
    }
}
