using Microsoft.EntityFrameworkCore;

namespace FitPilot.Functions.Reporting;

/// <summary>
/// The reporting store (SQL; the system of record stays Table Storage). Facts, one row per natural key so a replayed
/// event overwrites its own row: clients' join/leave dates, finished workouts, program schedules, check-ins, PTs'
/// trials and subscription changes. <see cref="PtWeekRow"/> is what the Insights page reads: recomputed from the facts.
/// One portable schema (EnsureCreated) on SQLite and Azure SQL: see docs/architecture.md "Reporting (SQL)".
/// </summary>
public sealed class ReportingDb(DbContextOptions<ReportingDb> options) : DbContext(options)
{
    public DbSet<ClientFact> Clients => Set<ClientFact>();
    public DbSet<WorkoutFact> Workouts => Set<WorkoutFact>();
    public DbSet<ProgramFact> Programs => Set<ProgramFact>();
    public DbSet<CheckInFact> CheckIns => Set<CheckInFact>();
    public DbSet<PtWeekRow> PtWeeks => Set<PtWeekRow>();
    public DbSet<TrialFact> Trials => Set<TrialFact>();
    public DbSet<SubscriptionChangeFact> SubscriptionChanges => Set<SubscriptionChangeFact>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ClientFact>(e => { e.ToTable("report_clients"); e.HasKey(x => new { x.TrainerId, x.ClientId }); Ids(e); });
        model.Entity<WorkoutFact>(e => { e.ToTable("report_workouts"); e.HasKey(x => new { x.TrainerId, x.ClientId, x.Date, x.ProgramId }); Ids(e); e.Property(x => x.ProgramId).HasMaxLength(64); });
        model.Entity<ProgramFact>(e => { e.ToTable("report_programs"); e.HasKey(x => new { x.TrainerId, x.ClientId, x.ProgramId }); Ids(e); e.Property(x => x.ProgramId).HasMaxLength(64); e.Property(x => x.Status).HasMaxLength(16); });
        model.Entity<CheckInFact>(e => { e.ToTable("report_checkins"); e.HasKey(x => new { x.TrainerId, x.ClientId, x.CheckInId }); Ids(e); e.Property(x => x.CheckInId).HasMaxLength(64); });
        model.Entity<PtWeekRow>(e => { e.ToTable("report_pt_weeks"); e.HasKey(x => new { x.TrainerId, x.WeekStart }); e.Property(x => x.TrainerId).HasMaxLength(64); e.Property(x => x.Week).HasMaxLength(8); });
        model.Entity<TrialFact>(e => { e.ToTable("report_trials"); e.HasKey(x => x.TrainerId); e.Property(x => x.TrainerId).HasMaxLength(64); e.Property(x => x.Tier).HasMaxLength(16); });
        model.Entity<SubscriptionChangeFact>(e =>
        {
            e.ToTable("report_subscription_changes"); e.HasKey(x => new { x.TrainerId, x.Version }); e.Property(x => x.TrainerId).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16); e.Property(x => x.Tier).HasMaxLength(16); e.Property(x => x.Interval).HasMaxLength(8);
        });
    }

    private static void Ids<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e) where T : class, IClientScoped
    {
        e.Property(x => x.TrainerId).HasMaxLength(64);
        e.Property(x => x.ClientId).HasMaxLength(64);
    }
}

public interface IClientScoped
{
    string TrainerId { get; set; }
    string ClientId { get; set; }
}

/// <summary>A client of a PT: when they joined (accepted the invitation) and left (removed; only ids and dates stay).</summary>
public sealed class ClientFact : IClientScoped
{
    public string TrainerId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? RemovedOn { get; set; }
}

/// <summary>A finished workout (its day in the client's calendar and program) and how many PBs it set.</summary>
public sealed class WorkoutFact : IClientScoped
{
    public string TrainerId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public DateOnly Date { get; set; }
    public string ProgramId { get; set; } = "";
    public int PersonalBests { get; set; }
}

/// <summary>A client's copy of a program as far as prescribed sessions go (see <see cref="Training.ScheduledProgram"/>).</summary>
public sealed class ProgramFact : IClientScoped
{
    public string TrainerId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ProgramId { get; set; } = "";
    public string Status { get; set; } = "";
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public int OffsetDays { get; set; }
    public int TrainingDays { get; set; }
    /// <summary>UTC ticks of the program's order among overlapping ones (portable: SQLite has no DateTimeOffset ordering).</summary>
    public long OrderTicks { get; set; }
}

/// <summary>A client's check-in: when submitted and when the PT reviewed it.</summary>
public sealed class CheckInFact : IClientScoped
{
    public string TrainerId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string CheckInId { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}

/// <summary>One ISO week of one PT (the Insights page and its CSV), recomputed from the facts above.</summary>
public sealed class PtWeekRow
{
    public string TrainerId { get; set; } = "";
    public DateOnly WeekStart { get; set; }
    public string Week { get; set; } = "";
    public int ActiveClients { get; set; }
    public int NewClients { get; set; }
    public int RemovedClients { get; set; }
    public int SessionsPrescribed { get; set; }
    public int SessionsDone { get; set; }
    public double? AdherencePercent { get; set; }
    public int PersonalBests { get; set; }
    public int CheckInsSubmitted { get; set; }
    public int CheckInsReviewed { get; set; }
    public double? ReviewResponseHours { get; set; }
}

/// <summary>A PT's free trial (the operator report).</summary>
public sealed class TrialFact
{
    public string TrainerId { get; set; } = "";
    public string Tier { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
}

/// <summary>One applied change of a PT's subscription, by Billing's version of the row (the operator report's MRR and churn).</summary>
public sealed class SubscriptionChangeFact
{
    public string TrainerId { get; set; } = "";
    public long Version { get; set; }
    public string? Status { get; set; }
    public string? Tier { get; set; }
    public string? Interval { get; set; }
    public DateTimeOffset AsOf { get; set; }
}
