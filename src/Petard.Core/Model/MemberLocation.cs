namespace Petard.Model;

/// <summary>Where a member of an operation's input travels on the wire.</summary>
public enum MemberLocation
{
    /// <summary>A property of the JSON request body.</summary>
    Body,

    /// <summary>A label of the URI template, such as <c>{restapi_id}</c>.</summary>
    Uri,

    /// <summary>A query string parameter (lists repeat the key, maps are flattened).</summary>
    QueryString,

    /// <summary>An HTTP request header.</summary>
    Header,

    /// <summary>The whole request body, sent raw (PutRestApi and ImportRestApi definitions).</summary>
    Payload,
}
