using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Nutrition;

/// <summary>The meal plan being edited in the builder (mutable); <see cref="ToContract"/> makes the request the API takes.</summary>
public sealed class MealPlanForm
{
    public string Name { get; set; } = "";
    public string? ClientId { get; set; }
    public bool IsTemplate { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Rotation { get; set; } = MealPlanRotations.Single;
    public string? Notes { get; set; }
    public List<MealDayForm> Days { get; set; } = [];

    public bool IsWeekly => Rotation == MealPlanRotations.Weekly;

    /// <summary>A new plan: one day with breakfast, lunch, dinner and a snack, empty.</summary>
    public static MealPlanForm New(string? clientId) => new()
    {
        ClientId = clientId, IsTemplate = clientId is null,
        Days = [MealDayForm.Standard(null)],
    };

    public static MealPlanForm From(MealPlanDto p) => new()
    {
        Name = p.Name, ClientId = p.ClientId, IsTemplate = p.IsTemplate, StartDate = p.StartDate, EndDate = p.EndDate,
        Rotation = p.Rotation, Notes = p.Notes, Days = p.Days.Select(MealDayForm.From).ToList(),
    };

    public SaveMealPlanRequest ToContract() => new()
    {
        Name = Name.Trim(), ClientId = IsTemplate ? null : ClientId, IsTemplate = IsTemplate, StartDate = StartDate, EndDate = EndDate,
        Rotation = Rotation, Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        Days = Days.OrderBy(d => d.DayOfWeek ?? -1).Select(d => d.ToContract()).ToList(),
    };

    /// <summary>The day shown for <paramref name="dayOfWeek"/> (null on a single-day plan), made when missing.</summary>
    public MealDayForm DayOf(int? dayOfWeek)
    {
        var day = Days.FirstOrDefault(d => d.DayOfWeek == dayOfWeek);
        if (day is null) { day = MealDayForm.Standard(dayOfWeek); Days.Add(day); }
        return day;
    }

    /// <summary>
    /// One day ↔ a weekly rotation: the standard day becomes every day of the week; going back to one day keeps
    /// <paramref name="keepDay"/>'s meals.
    /// </summary>
    public void ChangeRotation(string rotation, int? keepDay)
    {
        if (rotation == Rotation) return;
        if (rotation == MealPlanRotations.Weekly)
        {
            var standard = Days.FirstOrDefault() ?? MealDayForm.Standard(null);
            Days = Enumerable.Range(0, 7).Select(d => standard.CopyAs(d)).ToList();
        }
        else
        {
            var kept = Days.FirstOrDefault(d => d.DayOfWeek == keepDay) ?? Days.FirstOrDefault() ?? MealDayForm.Standard(null);
            Days = [kept.CopyAs(null)];
        }
        Rotation = rotation;
    }
}

public sealed class MealDayForm
{
    public int? DayOfWeek { get; set; }
    public List<MealForm> Meals { get; set; } = [];

    public static MealDayForm Standard(int? dayOfWeek) => new()
    {
        DayOfWeek = dayOfWeek,
        Meals = [new() { Type = MealTypes.Breakfast }, new() { Type = MealTypes.Lunch }, new() { Type = MealTypes.Dinner }, new() { Type = MealTypes.Snack }],
    };

    public static MealDayForm From(MealPlanDay d) => new() { DayOfWeek = d.DayOfWeek, Meals = d.Meals.Select(MealForm.From).ToList() };

    public MealPlanDay ToContract() => new() { DayOfWeek = DayOfWeek, Meals = Meals.Select(m => m.ToContract()).ToList() };

    /// <summary>A copy for another day: new meals and items (the API gives them their ids).</summary>
    public MealDayForm CopyAs(int? dayOfWeek) => new() { DayOfWeek = dayOfWeek, Meals = Meals.Select(m => m.Copy()).ToList() };
}

public sealed class MealForm
{
    public string? Id { get; set; }
    public string Type { get; set; } = MealTypes.Breakfast;
    public string? Name { get; set; }
    public List<MealItemForm> Items { get; set; } = [];

    /// <summary>The name shown: the custom name, else the type's.</summary>
    public string Title => string.IsNullOrWhiteSpace(Name) ? NutritionText.MealTypeName(Type) : Name!;

    public static MealForm From(Meal m) => new() { Id = m.Id, Type = m.Type, Name = m.Name, Items = m.Items.Select(MealItemForm.From).ToList() };

    public Meal ToContract() => new()
    {
        Id = Id, Type = Type, Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(), Items = Items.Select(i => i.ToContract()).ToList(),
    };

    public MealForm Copy() => new() { Type = Type, Name = Name, Items = Items.Select(i => i.Copy()).ToList() };
}

public sealed class MealItemForm
{
    public string? Id { get; set; }
    public required string FoodId { get; set; }
    public string? FoodName { get; set; }
    /// <summary>The amount in grams, when not by serving.</summary>
    public double? Grams { get; set; }
    /// <summary>One of the food's <see cref="Food.Servings"/>; null: in grams.</summary>
    public string? ServingName { get; set; }
    public double? ServingCount { get; set; }
    public List<MealAlternative> Alternatives { get; set; } = [];
    public string? Note { get; set; }

    public bool ByServing => ServingName is not null;

    public static MealItemForm From(MealItem i) => new()
    {
        Id = i.Id, FoodId = i.FoodId, FoodName = i.FoodName, Grams = i.Grams, ServingName = i.ServingName, ServingCount = i.ServingCount,
        Alternatives = i.Alternatives.ToList(), Note = i.Note,
    };

    /// <summary>By serving the API works out the grams itself; in grams only the grams go.</summary>
    public MealItem ToContract() => new()
    {
        Id = Id, FoodId = FoodId, Grams = ByServing ? null : Grams, ServingName = ServingName, ServingCount = ByServing ? ServingCount : null,
        Alternatives = Alternatives.Select(a => a with { FoodName = null }).ToList(), Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
    };

    public MealItemForm Copy() => new()
    {
        FoodId = FoodId, FoodName = FoodName, Grams = Grams, ServingName = ServingName, ServingCount = ServingCount,
        Alternatives = Alternatives.ToList(), Note = Note,
    };
}
