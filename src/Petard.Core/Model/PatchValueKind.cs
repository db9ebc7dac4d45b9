namespace Petard.Model;

/// <summary>What a documented PATCH path addresses, and so how its <c>value</c> is read and applied.</summary>
internal enum PatchValueKind
{
    /// <summary>A string property; nested paths (<c>/quota/period</c>) create the objects along them.</summary>
    String,

    /// <summary>A boolean property, sent as <c>"true"</c>/<c>"false"</c>.</summary>
    Boolean,

    /// <summary>A 32-bit integer property.</summary>
    Integer,

    /// <summary>A floating-point property.</summary>
    Double,

    /// <summary>A whole object, only removed (<c>remove /accessLogSettings</c>).</summary>
    Object,

    /// <summary>One entry of a map: the path's last segment is the key (<c>/variables/{name}</c>).</summary>
    Map,

    /// <summary>One member of a set: the path's last segment is the member (<c>/binaryMediaTypes/{mediaType}</c>).</summary>
    Set,

    /// <summary>A list changed one value at a time, the value in <c>value</c> (<c>add /stageKeys</c>).</summary>
    List,

    /// <summary>A path whose semantics a named handler of the emulator owns (method settings, canary, apiStages).</summary>
    Custom,
}
