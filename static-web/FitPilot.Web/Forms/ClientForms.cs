using FitPilot.Contracts.Clients;

namespace FitPilot.Web.Forms;

// A PT's client: inviting one, and the profile a PT (for their client) or the client (for themself) edits.

public sealed class InviteClientForm : FormModel<InviteClientRequest>
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";

    public override InviteClientRequest ToContract() => new() { Name = Name, Email = Email };
}

public sealed class UpdateClientForm : FormModel<UpdateClientRequest>
{
    public string Name { get; set; } = "";
    public int? Age { get; set; }
    public double? HeightCm { get; set; }
    public double? StartingWeightKg { get; set; }
    public double? CurrentWeightKg { get; set; }
    public double? BodyFatPercentage { get; set; }
    public string? PhoneNumber { get; set; }

    public static UpdateClientForm From(ClientProfile c) => new()
    {
        Name = c.Name, Age = c.Age, HeightCm = c.HeightCm, StartingWeightKg = c.StartingWeightKg,
        CurrentWeightKg = c.CurrentWeightKg, BodyFatPercentage = c.BodyFatPercentage, PhoneNumber = c.PhoneNumber,
    };

    public override UpdateClientRequest ToContract() => new()
    {
        Name = Name, Age = Age, HeightCm = HeightCm, StartingWeightKg = StartingWeightKg,
        CurrentWeightKg = CurrentWeightKg, BodyFatPercentage = BodyFatPercentage, PhoneNumber = PhoneNumber,
    };
}
