namespace Petard.CodeFirst;

/// <summary>Something an OpenAPI 3.1 definition says that 3.0 cannot, dropped on conversion: what, and where (a JSON pointer).</summary>
internal readonly record struct ConversionLoss(string What, string Where);
