namespace FitPilot.Contracts.Common;

/// <summary>One page of a list. <see cref="NextCursor"/> is opaque; pass it back as <c>cursor</c> for the next page, null at the end.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
