using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Programs;
using FitPilot.Web.Api;
using FitPilot.Web.Forms;

namespace FitPilot.Web.Pages.Trainer.Programs;

// What the builder's components tell the page, which owns the program being edited (a ProgramForm).

/// <summary>"Add" in the library panel: <paramref name="Exercise"/> goes at the end of <paramref name="DayOfWeek"/>.</summary>
public sealed record ExerciseAdded(ExerciseDto Exercise, int DayOfWeek);

/// <summary>An exercise of the library is being dragged (towards a day).</summary>
public sealed record ExerciseDragged(ExerciseDto Exercise);

/// <summary>An entry of a day is being dragged (to another place or day).</summary>
public sealed record EntryDragged(ProgramEntryForm Entry, int FromDay);

/// <summary>Something dragged is over a day (the day shows it is a drop target).</summary>
public sealed record DraggedOverDay(int DayOfWeek);

/// <summary>Something dragged was dropped on a day: before the entry at <paramref name="AtIndex"/>, or at the end when null.</summary>
public sealed record DroppedOnDay(int DayOfWeek, int? AtIndex);

/// <summary>"Move to": the entry at <paramref name="Index"/> of <paramref name="FromDay"/> goes to the end of <paramref name="ToDay"/>.</summary>
public sealed record EntryMovedToDay(int FromDay, int Index, int ToDay);

/// <summary>"Copy day to": the day's title (when the target has none) and its entries are added to <paramref name="ToDay"/>.</summary>
public sealed record DayCopied(int FromDay, int ToDay);

/// <summary>"Remove": <paramref name="Entry"/> was at <paramref name="Index"/> of <paramref name="DayOfWeek"/> (where "Undo" puts it back).</summary>
public sealed record EntryRemoved(int DayOfWeek, int Index, ProgramEntryForm Entry);

/// <summary>
/// A schedule or assign action finished: its problem (or none), a notice to show, whether the program changed on the server,
/// and whether the panel is leaving the page (a deleted program: nothing left to save, so no "unsaved changes" question).
/// </summary>
public sealed record ProgramActionDone(ApiProblem? Problem, string? Notice = null, bool Reload = false, bool Leaving = false);
