using System.Net;

namespace Petard.Configuration;

/// <summary>Chooses the service endpoint and checks that it is safe to send credentials to.</summary>
internal static class EndpointResolver
{
    /// <summary>The endpoint the caller chose, if any: the option, else the AWS endpoint variables, the service's own first.</summary>
    public static string? Configured(string? option, Func<string, string?> environment) =>
        First(option, environment("AWS_ENDPOINT_URL_API_GATEWAY"), environment("AWS_ENDPOINT_URL"));

    /// <summary>The endpoint to send to: the configured one (checked), else the region's.</summary>
    public static Uri Resolve(string? configured, string region) =>
        Check(configured) ?? new Uri($"https://apigateway.{region}.amazonaws.com/");

    /// <summary>
    /// The configured endpoint, checked: an absolute http(s) URL, plain http only on loopback; null when
    /// none is configured. Checked before the region, whose error would otherwise hide a mistyped URL.
    /// </summary>
    public static Uri? Check(string? configured)
    {
        var text = First(configured);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw PetardErrors.EndpointNotHttpUrl(text);
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw PetardErrors.EndpointPlainHttpOffLoopback(text);
        }

        var builder = new UriBuilder(uri);
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
