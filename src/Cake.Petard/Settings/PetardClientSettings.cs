namespace Cake.Petard;

/// <summary>The settings of <see cref="PetardAliases.PetardClient"/>: only where the client sends its calls.</summary>
public sealed class PetardClientSettings : PetardSettings
{
}
