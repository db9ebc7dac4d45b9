namespace Petard.Workflows;

/// <summary>Where a deployed stage answers.</summary>
internal static class InvokeUrls
{
    /// <summary>
    /// The service's public form, or on a loopback emulator the form emulators of the service serve
    /// (<c>{endpoint}restapis/{id}/{stage}/_user_request_</c>), since no DNS name exists for it there.
    /// </summary>
    public static string For(PetardClient client, string restApiId, string stageName) =>
        client.IsLocalEndpoint
            ? $"{client.Endpoint}restapis/{Uri.EscapeDataString(restApiId)}/{Uri.EscapeDataString(stageName)}/_user_request_"
            : $"https://{restApiId}.execute-api.{client.Region}.amazonaws.com/{Uri.EscapeDataString(stageName)}";
}
