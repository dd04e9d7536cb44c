using Azure;

namespace FitPilot.Functions.Common;

/// <summary>A value with the version (ETag) it was read or saved at: send it back as If-Match to change it.</summary>
public sealed record Versioned<T>(T Value, ETag ETag);
