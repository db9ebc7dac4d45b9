using Petard;

namespace Cake.Petard;

/// <summary>
/// A coded Petard error or warning as Cake shows it: Cake prints only the message (no help link
/// field, as MSBuild has), so the code goes in front and the link to its explanation at the end.
/// </summary>
internal static class CakeMessages
{
    public static string Coded(string code, string message) => $"{code}: {message} See {PetardErrorHelp.LinkFor(code)}";
}
