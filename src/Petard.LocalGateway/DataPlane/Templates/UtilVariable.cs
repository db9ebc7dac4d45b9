using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace Petard.Local.DataPlane.Templates;

/// <summary><c>$util</c>: escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode, parseJson.</summary>
internal sealed class UtilVariable : IVelocityObject
{
    public object? Property(string name) => null;

    public object? Call(string method, IReadOnlyList<object?> arguments, int line)
    {
        if (arguments.Count != 1)
        {
            throw new TemplateException($"$util.{method}() takes one argument", line);
        }

        var text = VelocityValues.Render(arguments[0]);
        return method switch
        {
            "escapeJavaScript" => EscapeJavaScript(text),
            "urlEncode" => HttpUtility.UrlEncode(text, Encoding.UTF8),
            "urlDecode" => HttpUtility.UrlDecode(text, Encoding.UTF8),
            "base64Encode" => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
            "base64Decode" => Base64Decode(text, line),
            "parseJson" => ParseJson(text, line),
            _ => throw new TemplateException($"$util.{method}() is not supported (use escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode or parseJson)", line),
        };
    }

    /// <summary>As Java's <c>StringEscapeUtils.escapeJavaScript</c>, which the service uses.</summary>
    private static string EscapeJavaScript(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\'' => "\\'",
                '"' => "\\\"",
                '\\' => "\\\\",
                '/' => "\\/",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' or > '~' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Base64Decode(string text, int line)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new TemplateException("$util.base64Decode() was given text that is not base64", line);
        }
    }

    private static object? ParseJson(string text, int line)
    {
        try
        {
            return VelocityValues.FromJson(JsonNode.Parse(text));
        }
        catch (JsonException ex)
        {
            throw new TemplateException($"$util.parseJson() was given text that is not JSON: {ex.Message}", line);
        }
    }
}
