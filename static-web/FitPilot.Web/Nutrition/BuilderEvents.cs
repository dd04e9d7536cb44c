using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Nutrition;

// What the meal plan builder's parts tell the page, which owns the plan being edited (a MealPlanForm).

/// <summary>"Add" in the food search: <paramref name="Food"/> goes at the end of the shown day's meal at <paramref name="MealIndex"/>.</summary>
public sealed record FoodAdded(Food Food, int MealIndex);

/// <summary>Something dragged (a food, or an item) was dropped on a meal: before the item at <paramref name="AtIndex"/>, or at the end.</summary>
public sealed record DroppedOnMeal(int MealIndex, int? AtIndex);

/// <summary>"Copy meal to": the meal's items go to meal <paramref name="ToMeal"/> of <paramref name="ToDay"/> (a new meal when null).</summary>
public sealed record MealCopied(int FromMeal, int? ToDay, int? ToMeal);

/// <summary>A meal's place: <paramref name="Value"/> is what the "Copy meal to" option sends, <paramref name="Label"/> what it says.</summary>
public sealed record MealSlotOption(string Value, string Label);
