using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Nutrition;

public static class MealPlanStatuses
{
    public const string Active = "active";
    public const string Ended = "ended";
}

/// <summary>"single": one standard day, every day. "weekly": a 7-day rotation (0 = Sunday … 6 = Saturday).</summary>
public static class MealPlanRotations
{
    public const string Single = "single";
    public const string Weekly = "weekly";
}

public static class MealTypes
{
    public const string Breakfast = "breakfast";
    public const string Lunch = "lunch";
    public const string Dinner = "dinner";
    public const string Snack = "snack";
    public const string Custom = "custom";
    public static readonly IReadOnlyList<string> All = [Breakfast, Lunch, Dinner, Snack, Custom];
}

/// <summary>A food the client may eat instead of an item. Without <see cref="Grams"/>, the API picks the grams with the item's energy.</summary>
public sealed record MealAlternative
{
    [Required, StringLength(40, MinimumLength = 1)] public required string FoodId { get; init; }
    [Range(0.1, 3000.0)] public double? Grams { get; init; }
    /// <summary>Filled in by the API.</summary>
    public string? FoodName { get; init; }
}

/// <summary>One item of a meal: a food (catalogue, own food or recipe) in grams, or in servings of one of its household measures.</summary>
public sealed record MealItem : IValidatableObject
{
    /// <summary>Stable id within the plan (ticks and swaps point at it). Leave empty on new items: the API assigns one.</summary>
    [StringLength(40)] public string? Id { get; init; }
    [Required, StringLength(40, MinimumLength = 1)] public required string FoodId { get; init; }
    /// <summary>Filled in by the API.</summary>
    public string? FoodName { get; init; }
    /// <summary>Grams; with a serving the API fills it in (servings × the serving's grams).</summary>
    [Range(0.1, 3000.0, ErrorMessage = "Enter between 0.1 and 3,000 g.")] public double? Grams { get; init; }
    [StringLength(40)] public string? ServingName { get; init; }
    [Range(0.1, 50.0, ErrorMessage = "Enter between 0.1 and 50 servings.")] public double? ServingCount { get; init; }
    [MaxLength(5)] public IReadOnlyList<MealAlternative> Alternatives { get; init; } = [];
    [StringLength(200)] public string? Note { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var byServing = ServingName is not null || ServingCount is not null;
        if (byServing && (ServingName is null || ServingCount is null)) yield return new("Give the serving and how many.", [nameof(ServingCount)]);
        if (!byServing && Grams is null) yield return new("Give the grams or a serving.", [nameof(Grams)]);
    }
}

public sealed record Meal
{
    /// <summary>Stable id within the plan (ticks point at it). Leave empty on new meals: the API assigns one.</summary>
    [StringLength(40)] public string? Id { get; init; }
    [Required, AllowedValues(MealTypes.Breakfast, MealTypes.Lunch, MealTypes.Dinner, MealTypes.Snack, MealTypes.Custom, ErrorMessage = "Choose a meal type.")] public required string Type { get; init; }
    /// <summary>Shown name ("Pre-workout"); defaults to the type's name.</summary>
    [StringLength(60)] public string? Name { get; init; }
    [MaxLength(20)] public IReadOnlyList<MealItem> Items { get; init; } = [];
}

public sealed record MealPlanDay
{
    /// <summary>Null on a single-day plan; 0 = Sunday … 6 = Saturday on a weekly one.</summary>
    [Range(0, 6)] public int? DayOfWeek { get; init; }
    [MaxLength(10)] public IReadOnlyList<Meal> Meals { get; init; } = [];
}

/// <summary>A meal plan (for a client) or a template (for none).</summary>
public sealed record SaveMealPlanRequest : IValidatableObject
{
    /// <summary>On create, an id made by the device: a retry with it returns the plan made the first time.</summary>
    [RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public string? Id { get; init; }
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; init; }
    [StringLength(40)] public string? ClientId { get; init; }
    public bool IsTemplate { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    [Required, AllowedValues(MealPlanRotations.Single, MealPlanRotations.Weekly, ErrorMessage = "Choose one day or a weekly rotation.")] public string Rotation { get; init; } = MealPlanRotations.Single;
    [StringLength(2000), MultiLine] public string? Notes { get; init; }
    [MaxLength(7)] public IReadOnlyList<MealPlanDay> Days { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsTemplate == (ClientId is not null)) yield return new("A template has no client; a plan has one.", [nameof(ClientId)]);
        if (StartDate is { } s && EndDate is { } e && e < s) yield return new("The end date is before the start date.", [nameof(EndDate)]);
        if (Rotation == MealPlanRotations.Single && (Days.Count > 1 || Days.Any(d => d.DayOfWeek is not null)))
            yield return new("A one-day plan has one day, without a weekday.", [nameof(Days)]);
        if (Rotation == MealPlanRotations.Weekly && (Days.Any(d => d.DayOfWeek is null) || Days.Select(d => d.DayOfWeek).Distinct().Count() != Days.Count))
            yield return new("Each day of the week appears once.", [nameof(Days)]);
    }
}

/// <summary>Totals of one day: per meal (in the day's order) and the day.</summary>
public sealed record DayTotals(int? DayOfWeek, IReadOnlyList<NutrientTotals> Meals, NutrientTotals Day);

/// <summary>Computed on the server: each day, and the week (a single-day plan's week is seven of its day).</summary>
public sealed record MealPlanTotals(IReadOnlyList<DayTotals> Days, NutrientTotals Week);

public sealed record MealPlanDto(
    string Id, string Name, string? ClientId, string? ClientName, bool IsTemplate, string Status,
    DateOnly? StartDate, DateOnly? EndDate, string Rotation, string? Notes,
    IReadOnlyList<MealPlanDay> Days, IReadOnlyList<Food> Foods, MealPlanTotals Totals,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record MealPlanSummary(
    string Id, string Name, string? ClientId, string? ClientName, bool IsTemplate, string Status,
    DateOnly? StartDate, DateOnly? EndDate, string Rotation, double AverageDayKcal, DateTimeOffset UpdatedAt);

/// <summary>Copy a plan: as a template ("save as template"), as another plan for a client, or a plain duplicate.</summary>
public sealed record DuplicateMealPlanRequest : IValidatableObject
{
    [Required, RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public required string Id { get; init; }
    [StringLength(100, MinimumLength = 1)] public string? Name { get; init; }
    public bool AsTemplate { get; init; }
    [StringLength(40)] public string? ClientId { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AsTemplate == (ClientId is not null)) yield return new("A template has no client; a plan has one.", [nameof(ClientId)]);
    }
}

/// <summary>Give a template to clients: each gets their own plan from <see cref="StartDate"/>; the plan each had before ends.</summary>
public sealed record AssignMealPlanRequest
{
    [Required, MinLength(1), MaxLength(50)] public required IReadOnlyList<string> ClientIds { get; init; }
    [Required] public required DateOnly StartDate { get; init; }
}

public sealed record AssignMealPlanResult(IReadOnlyList<MealPlanSummary> Plans);

/// <summary>One meal of the client's day: the plan's meal with the client's swaps applied, and whether they ate it.</summary>
public sealed record TodayMealItem(string Id, string FoodId, string FoodName, double Grams, string? ServingName, double? ServingCount,
    Nutrients Nutrients, bool Swapped, string? OriginalFoodName, IReadOnlyList<MealAlternative> Alternatives, string? Note);

public sealed record TodayMeal(string Id, string Type, string Name, IReadOnlyList<TodayMealItem> Items, NutrientTotals Totals, bool Eaten);

/// <summary>A client's day of eating: null plan when none is active.</summary>
public sealed record NutritionDay(DateOnly Date, string? PlanId, string? PlanName, IReadOnlyList<TodayMeal> Meals,
    NutrientTotals Planned, NutrientTotals Eaten);

public sealed record MarkMealEatenRequest
{
    public bool Eaten { get; init; } = true;
}

/// <summary>Eat one of the item's listed alternatives instead (null: back to the planned food).</summary>
public sealed record SwapMealItemRequest
{
    [StringLength(40)] public string? FoodId { get; init; }
}

public sealed record ShoppingItem(string FoodId, string Name, double Grams);

public sealed record ShoppingGroup(string Name, IReadOnlyList<ShoppingItem> Items);

/// <summary>A week of a plan from <see cref="From"/>: recipes expanded into their ingredients, grams summed per food, grouped by food group.</summary>
public sealed record ShoppingList(string PlanId, string PlanName, DateOnly From, DateOnly To, IReadOnlyList<ShoppingGroup> Groups);

/// <summary>The PT's view of a client's eating: per day, meals planned and ticked.</summary>
public sealed record NutritionLogDay(DateOnly Date, int MealsPlanned, int MealsEaten, double KcalPlanned, double KcalEaten);
