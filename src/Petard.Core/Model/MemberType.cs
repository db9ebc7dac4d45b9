namespace Petard.Model;

/// <summary>The kind of value a member holds, as the service model declares it.</summary>
public enum MemberType
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A 32-bit integer.</summary>
    Integer,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>A floating point number.</summary>
    Double,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A point in time, sent as epoch seconds.</summary>
    Timestamp,

    /// <summary>A list of values.</summary>
    List,

    /// <summary>A string-keyed map.</summary>
    Map,

    /// <summary>A nested object.</summary>
    Structure,

    /// <summary>Raw bytes (a string is sent as UTF-8).</summary>
    Blob,
}
