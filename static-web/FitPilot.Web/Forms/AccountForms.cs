using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Invitations;
using FitPilot.Contracts.Trainers;

namespace FitPilot.Web.Forms;

// The forms of signing up, in and out of passwords, joining and the PT's profile: fields only, the rules are the contracts'.

public sealed class RegisterTrainerForm : FormModel<RegisterTrainerRequest>
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string? BusinessName { get; set; }
    public string? TimeZone { get; set; }

    public override RegisterTrainerRequest ToContract() =>
        new() { Name = Name, Email = Email, Password = Password, BusinessName = BusinessName, TimeZone = TimeZone };
}

public sealed class LoginForm : FormModel<LoginRequest>
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";

    public override LoginRequest ToContract() => new() { Email = Email, Password = Password };
}

public sealed class ForgotPasswordForm : FormModel<ForgotPasswordRequest>
{
    public string Email { get; set; } = "";

    public override ForgotPasswordRequest ToContract() => new() { Email = Email };
}

public sealed class ResetPasswordForm : FormModel<ResetPasswordRequest>
{
    public string Token { get; set; } = "";
    public string NewPassword { get; set; } = "";

    public override ResetPasswordRequest ToContract() => new() { Token = Token, NewPassword = NewPassword };
}

public sealed class ChangePasswordForm : FormModel<ChangePasswordRequest>
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";

    public override ChangePasswordRequest ToContract() => new() { CurrentPassword = CurrentPassword, NewPassword = NewPassword };
}

public sealed class AcceptInvitationForm : FormModel<AcceptInvitationRequest>
{
    public string Token { get; set; } = "";
    public string Password { get; set; } = "";
    public string? TimeZone { get; set; }

    public override AcceptInvitationRequest ToContract() => new() { Token = Token, Password = Password, TimeZone = TimeZone };
}

public sealed class UpdateTrainerProfileForm : FormModel<UpdateTrainerProfileRequest>
{
    public string Name { get; set; } = "";
    public string? Bio { get; set; }
    public string? Specializations { get; set; }
    public string? Certifications { get; set; }
    public string? PhoneNumber { get; set; }
    public string? BusinessName { get; set; }
    public string? Location { get; set; }
    public int? YearsExperience { get; set; }

    public static UpdateTrainerProfileForm From(TrainerProfile t) => new()
    {
        Name = t.Name, Bio = t.Bio, Specializations = t.Specializations, Certifications = t.Certifications, PhoneNumber = t.PhoneNumber,
        BusinessName = t.BusinessName, Location = t.Location, YearsExperience = t.YearsExperience,
    };

    public override UpdateTrainerProfileRequest ToContract() => new()
    {
        Name = Name, Bio = Bio, Specializations = Specializations, Certifications = Certifications, PhoneNumber = PhoneNumber,
        BusinessName = BusinessName, Location = Location, YearsExperience = YearsExperience,
    };
}
