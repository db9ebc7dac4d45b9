using System.Security.Cryptography;

namespace Petard.Local.State;

/// <summary>Identifiers of the service's form: lowercase letters and digits of a fixed length.</summary>
internal static class IdGenerator
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string MixedAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Rest API, root resource and API key ids: 10 characters.</summary>
    public static string LongId() => RandomNumberGenerator.GetString(LowerAlphanumeric, 10);

    /// <summary>Resource, deployment, model and usage plan ids: 6 characters.</summary>
    public static string ShortId() => RandomNumberGenerator.GetString(LowerAlphanumeric, 6);

    /// <summary>A generated API key value: 40 mixed-case characters.</summary>
    public static string ApiKeyValue() => RandomNumberGenerator.GetString(MixedAlphanumeric, 40);

    /// <summary>A fresh id not yet in use.</summary>
    /// <param name="next">Makes a candidate.</param>
    /// <param name="inUse">Whether a candidate is taken.</param>
    public static string Unique(Func<string> next, Func<string, bool> inUse)
    {
        string id;
        do
        {
            id = next();
        }
        while (inUse(id));
        return id;
    }
}
