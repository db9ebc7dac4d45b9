using System.Net;

namespace Petard.Configuration;

/// <summary>Chooses the service endpoint and checks that it is safe to send credentials to.</summary>
internal static class EndpointResolver
{
    public static Uri Resolve(string? configured, string region, Func<string, string?> environment)
    {
        var text = First(configured, environment("AWS_ENDPOINT_URL_API_GATEWAY"), environment("AWS_ENDPOINT_URL"));
        if (text is null)
        {
            return new Uri($"https://apigateway.{region}.amazonaws.com/");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new PetardException(PetardErrorCodes.InvalidEndpoint, $"The endpoint URL '{text}' is not an absolute http(s) URL. Use a form such as https://apigateway.eu-west-1.amazonaws.com or http://127.0.0.1:4567.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new PetardException(PetardErrorCodes.InvalidEndpoint, $"The endpoint URL '{text}' uses plain http on a non-loopback host; credentials and requests would travel unencrypted. Use https, or a loopback address (127.0.0.1, localhost) for a local emulator.");
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
