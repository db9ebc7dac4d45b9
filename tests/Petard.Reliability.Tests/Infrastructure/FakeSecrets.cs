namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>Distinctive fake secrets: any of them found in output means a leak.</summary>
internal static class FakeSecrets
{
    public const string AccessKeyId = "AKIAPETARDLEAKCHECK7";
    public const string SecretAccessKey = "pEtArD/LeAk+ChEcK/SeCrEt/9f3b1c7e5a2d";
    public const string SessionToken = "PeTaRdLeAkChEcKSeSsIoNtOkEn4d2a8e0b6c";
    public const string ApiKeyValue = "PetardLeakCheckApiKeyValue0123456789";
    public const string WrongSecret = "pEtArD/WrOnG/SeCrEt/1a2b3c4d5e6f";

    public static readonly string[] All = [AccessKeyId, SecretAccessKey, SessionToken, ApiKeyValue, WrongSecret];

    /// <summary>The credentials as the environment gives them, with no profile to take their place.</summary>
    public static readonly (string Name, string? Value)[] Environment =
    [
        ("AWS_ACCESS_KEY_ID", AccessKeyId),
        ("AWS_SECRET_ACCESS_KEY", SecretAccessKey),
        ("AWS_SESSION_TOKEN", SessionToken),
        ("AWS_PROFILE", null),
    ];

    /// <summary>Fails with the secret and the place it was found, if any secret is in the text.</summary>
    public static void AssertAbsent(string where, string? text)
    {
        foreach (var secret in All)
        {
            Assert.False(text?.Contains(secret, StringComparison.Ordinal) ?? false, $"{secret} leaked into {where}:\n{text}");
        }
    }
}
