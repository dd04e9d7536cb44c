using FitPilot.Functions.Events;

namespace FitPilot.Functions.Training;

/// <summary>
/// A client's copy of a program was written (assigned, edited, paused, resumed, pushed back, ended) or deleted
/// (<see cref="Program"/> null): what it prescribes, compactly, so another feature can count prescribed sessions
/// per day without reading the training partition. Published by Training, which owns the copies.
/// </summary>
public sealed record ProgramScheduleChanged(string TrainerId, string ClientId, string ProgramId, ScheduledProgram? Program) : IDomainEvent;

/// <summary>
/// One program's schedule: status, dates, the grid's shift, the grid days that have exercises (bit d = grid day d,
/// 0 = Sunday) and its order among overlapping programs (the one that started last runs: start date, else creation).
/// </summary>
public sealed record ScheduledProgram(string Status, DateOnly? Start, DateOnly? End, int OffsetDays, int TrainingDays, DateTimeOffset Order);
