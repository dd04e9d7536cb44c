using FitPilot.Contracts.Dashboard;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Reporting;

namespace FitPilot.Functions.Http;

public static partial class Query
{
    /// <summary>What one query parameter accepts, as the parsing methods of <see cref="Query"/> read it.</summary>
    /// <param name="Type">The JSON Schema type: "string", "integer" or "boolean".</param>
    /// <param name="Format">e.g. "date" for <see cref="Date"/>.</param>
    /// <param name="Values">The vocabulary of a <see cref="OneOf"/> parameter.</param>
    public sealed record Parameter(string Type, string? Format = null, int? Minimum = null, int? Maximum = null, int? Default = null,
        int? MaxLength = null, IReadOnlyList<string>? Values = null, bool Required = false);

    private static readonly Parameter IsoDate = new("string", Format: "date", MaxLength: 10);

    /// <summary>
    /// Every query parameter a function reads, by name, with what the method that parses it
    /// accepts. The OpenAPI document types each name an operation lists in
    /// <c>[ApiOperation(Query = ...)]</c> from here and refuses to build when one is missing,
    /// so a new parameter gets its type where its parsing is.
    /// </summary>
    public static IReadOnlyDictionary<string, Parameter> Parameters { get; } = new Dictionary<string, Parameter>(StringComparer.Ordinal)
    {
        // Limit, Cursor
        ["limit"] = new("integer", Minimum: 1, Maximum: MaxLimit, Default: DefaultLimit),
        ["cursor"] = new("string", MaxLength: 2048),
        // Insights (Reporting's own whole-number parse)
        ["weeks"] = new("integer", Minimum: 1, Maximum: InsightsQuery.MaxWeeks, Default: InsightsQuery.DefaultWeeks),
        // Seconds (a long poll's wait)
        ["wait"] = new("integer", Minimum: 0, Maximum: 25, Default: 25),
        // Date
        ["date"] = IsoDate,
        ["from"] = IsoDate,
        ["to"] = IsoDate,
        // Flag
        ["templates"] = new("boolean"),
        // Optional, with the lengths the functions pass
        ["q"] = new("string", MaxLength: 100),
        ["clientId"] = new("string", MaxLength: 40),
        ["sessionTypeId"] = new("string", MaxLength: 40),
        ["token"] = new("string", MaxLength: 200, Required: true),
        // OneOf, with the vocabularies the functions pass
        ["muscle"] = new("string", Values: ExerciseVocabulary.Muscles),
        ["equipment"] = new("string", Values: ExerciseVocabulary.Equipment),
        ["category"] = new("string", Values: ExerciseVocabulary.Categories),
        ["level"] = new("string", Values: ExerciseVocabulary.Levels),
        ["source"] = new("string", Values: [ExerciseSources.Library, ExerciseSources.Own]),
        // An AFCD major group code (Foods' FoodCatalog.GroupNames; GET /api/foods/groups lists them)
        ["group"] = new("string", MaxLength: 2),
        ["sort"] = new("string", Values: ComplianceQuery.Sorts),
        ["dir"] = new("string", Values: ComplianceQuery.Directions),
        ["filter"] = new("string", Values: ComplianceQuery.Filters),
    };
}
