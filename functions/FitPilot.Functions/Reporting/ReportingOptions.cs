namespace FitPilot.Functions.Reporting;

/// <summary>
/// Where the reporting store lives (section <c>Reporting</c>): <c>Sqlite</c> locally (the local host points it at
/// <c>.fitpilot/reporting.db</c>) or <c>SqlServer</c> in Azure (Azure SQL, the function app's managed identity).
/// </summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public string Provider { get; set; } = Sqlite;
    public string SqlConnectionString { get; set; } = "";

    public bool UsesSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
    public bool UsesSqlServer => string.Equals(Provider, SqlServer, StringComparison.OrdinalIgnoreCase);
}
