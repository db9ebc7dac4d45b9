using Cake.Core;
using Cake.Core.Annotations;
using Petard;

namespace Cake.Petard;

public static partial class PetardAliases
{
    /// <summary>
    /// Creates a <see cref="global::Petard.PetardClient"/> for any API Gateway operation the deploy aliases do
    /// not cover, run by its official name. Dispose it when done.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">Where to send the calls; null uses the AWS conventions.</param>
    /// <returns>A client; the caller disposes it.</returns>
    /// <exception cref="CakeException">No region, an unknown profile, no credentials, or an unsafe endpoint.</exception>
    /// <example>
    /// <code>
    /// Task("ListApiKeys").Does(async () =>
    /// {
    ///     using var client = PetardClient(new PetardClientSettings().WithRegion("eu-west-1"));
    ///     await foreach (var key in client.PaginateAsync("GetApiKeys"))
    ///     {
    ///         Information("{0} {1}", key["id"], key["name"]);
    ///     }
    /// });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Petard")]
    public static PetardClient PetardClient(this ICakeContext context, PetardClientSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        settings ??= new();
        return new PetardRunner(context).CreateClient(settings);
    }
}
