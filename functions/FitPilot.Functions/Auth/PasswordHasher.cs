using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace FitPilot.Functions.Auth;

/// <summary>
/// Argon2id with the OWASP Password Storage Cheat Sheet's first recommended parameter set
/// (m = 19 MiB, t = 2, p = 1), stored as a PHC string so parameters can be raised later
/// and old hashes still verify (<see cref="NeedsRehash"/>).
/// </summary>
public sealed class PasswordHasher
{
    private const int MemoryKiB = 19 * 1024;
    private const int Iterations = 2;
    private const int Parallelism = 1;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Verified against when an email is unknown, so a miss costs the same time as a hit.</summary>
    private readonly Lazy<string> _decoy;

    public PasswordHasher() => _decoy = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, MemoryKiB, Iterations, Parallelism, HashBytes);
        return $"$argon2id$v=19$m={MemoryKiB},t={Iterations},p={Parallelism}${B64(salt)}${B64(hash)}";
    }

    public bool Verify(string password, string? phc)
    {
        if (phc is null) { Verify(password, _decoy.Value); return false; }
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[1] != "argon2id") return false;
        var parameters = parts[3].Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1]));
        var salt = FromB64(parts[4]);
        var expected = FromB64(parts[5]);
        var actual = Compute(password, salt, parameters["m"], parameters["t"], parameters["p"], expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public bool NeedsRehash(string phc) => !phc.StartsWith($"$argon2id$v=19$m={MemoryKiB},t={Iterations},p={Parallelism}$", StringComparison.Ordinal);

    private static byte[] Compute(string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt, MemorySize = memoryKiB, Iterations = iterations, DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
    private static byte[] FromB64(string s) => Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
}
