using System.Text;
using Petard.Local.DataPlane;
using Petard.Local.DataPlane.Templates;

namespace Petard.Local.Tests.DataPlane;

/// <summary>The mapping template engine, one row per construct: template, body, expected output.</summary>
public sealed class VelocityTemplateTests
{
    private const string Body = """{"name": "Ann", "tags": ["a", "b"], "n": 3, "nested": {"ok": true}, "items": [{"id": 1}, {"id": 2}]}""";

    public static TheoryData<string, string, string> Cases => new()
    {
        // Text and references
        { "plain text", "plain text", Body },
        { "$input.body", Body, Body },
        { "$input.json('$')", """{"name":"Ann","tags":["a","b"],"n":3,"nested":{"ok":true},"items":[{"id":1},{"id":2}]}""", Body },
        { "$input.json('$.name')", "\"Ann\"", Body },
        { "$input.json('$.tags')", """["a","b"]""", Body },
        { "$input.json('$.items[*].id')", "[1,2]", Body },
        { "$input.json('$')", "{}", "" },
        { "$input.path('$.name')", "Ann", Body },
        { "$input.path('$.nested').ok", "true", Body },
        { "$input.path('$.tags').size()", "2", Body },
        { "$input.path('$.tags')[1]", "b", Body },
        { "$input.params('id')/$input.params('q')/$input.params('X-Trace')", "7/ann/t1", Body },
        { "$input.params().path.id $input.params().querystring.q $input.params().header.get('X-Trace')", "7 ann t1", Body },
        { "$context.requestId $context.stage $context.httpMethod $context.resourcePath", "req-1 dev POST /pets/{id}", Body },
        { "$context.identity.sourceIp", "127.0.0.1", Body },
        { "$stageVariables.env", "test", Body },
        { "${stageVariables.env}x", "testx", Body },
        { "$missing and $!missing.", "$missing and .", Body },
        { "\\$input.body", "$input.body", Body },
        { "color #fff; price $5", "color #fff; price $5", Body },

        // $util
        { "$util.escapeJavaScript(\"it's\")", "it\\'s", Body },
        { "$util.escapeJavaScript('say \"hi\"/\n')", "say \\\"hi\\\"\\/\\n", Body },
        { "$util.escapeJavaScript($input.path('$.name'))", "Ann", Body },
        { "$util.urlEncode('a b&c')", "a+b%26c", Body },
        { "$util.urlDecode('a+b%26c')", "a b&c", Body },
        { "$util.base64Encode('hello')", "aGVsbG8=", Body },
        { "$util.base64Decode('aGVsbG8=')", "hello", Body },
        { "#set($o = $util.parseJson('{\"k\": [1, 2]}'))$o.k.size()", "2", Body },

        // #set
        { "#set($x = 'v')$x", "v", Body },
        { "#set($x = \"hi $input.path('$.name')\")$x", "hi Ann", Body },
        { "#set($n = $input.path('$.n') + 2)$n", "5", Body },
        { "#set($n = 7 / 2)$n #set($d = 7.0 / 2)$d", "3 3.5", Body },
        { "#set($l = [1, 2, 3])$l.size() $l", "3 [1, 2, 3]", Body },
        { "#set($m = {'a': 1})#set($m.b = 2)$m.a$m.b $m.size()", "12 2", Body },
        { "#set($s = 'a' + 1)$s", "a1", Body },

        // #if / #elseif / #else
        { "#if($input.path('$.n') > 2)big#{else}small#end", "big", Body },
        { "#if($input.path('$.n') == 1)one#elseif($input.path('$.n') == 3)three#{else}other#end", "three", Body },
        { "#if($missing)yes#{else}no#end", "no", Body },
        { "#if(!$missing && $input.path('$.nested.ok'))both#end", "both", Body },
        { "#if($input.path('$.name') == 'Ann' || false)ann#end", "ann", Body },
        { "#if($input.path('$.name') eq 'Ann' and not false)words#end", "words", Body },
        { "#if($input.path('$.name').startsWith('A'))A#end", "A", Body },

        // #foreach
        { "#foreach($t in $input.path('$.tags'))$t#if($foreach.hasNext),#end#end", "a,b", Body },
        { "#foreach($i in $input.path('$.items'))$i.id:$velocityCount #end", "1:1 2:2 ", Body },
        { "#foreach($i in [1..3])$i#end", "123", Body },
        { "#foreach($k in $input.params().path.keySet())$k=$input.params().path.get($k)#end", "id=7", Body },

        // Lines and comments
        { "a\n#set($x = 1)\nb$x\n", "a\nb1\n", Body },
        { "## a comment\nkept", "kept", Body },
        { "x#* block\ncomment *#y", "xy", Body },
        { "{\n  #foreach($t in $input.path('$.tags'))\n  \"$t\": 1#if($foreach.hasNext),#end\n  #end\n}", "{\n  \"a\": 1,\n  \"b\": 1\n}", Body },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_template_renders_as_API_Gateway_renders_it(string template, string expected, string body) =>
        Assert.Equal(expected, MappingTemplate.Render("test", template, Data(body)));

    [Theory]
    [InlineData("#macro(x)#end", 1, "#macro is not supported")]
    [InlineData("line one\n#parse('x.vm')", 2, "#parse is not supported")]
    [InlineData("a\nb\n$util.md5('x')", 3, "$util.md5() is not supported")]
    [InlineData("$input.path('$.name').frobnicate()", 1, "frobnicate() on a string is not supported")]
    [InlineData("#if($x)\nno end", 1, "#if without its #end")]
    [InlineData("#set($x = )", 1, "unexpected ')'")]
    [InlineData("$input.json('name')", 1, "does not start with '$'")]
    public void An_unsupported_construct_is_a_500_whose_log_names_the_template_and_line(string template, int line, string message)
    {
        var error = Assert.Throws<GatewayResponseException>(() => MappingTemplate.Render("request template 'application/json' of POST /pets/{id}", template, Data(Body)));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("Internal server error", error.ResponseMessage);
        Assert.Contains($"request template 'application/json' of POST /pets/{{id}}, line {line}", error.Detail, StringComparison.Ordinal);
        Assert.Contains(message, error.Detail, StringComparison.Ordinal);
    }

    private static TemplateData Data(string body)
    {
        var request = new InvokeRequest(
            "api123", "dev", "POST", "/pets/7", ["pets", "7"],
            [KeyValuePair.Create("q", "ann")],
            [KeyValuePair.Create("X-Trace", "t1")],
            Encoding.UTF8.GetBytes(body), "127.0.0.1", "HTTP/1.1");
        var invocation = new Invocation(request, "req-1", DateTimeOffset.UnixEpoch)
        {
            StageVariables = new Dictionary<string, string> { ["env"] = "test" },
            PathParameters = new Dictionary<string, string> { ["id"] = "7" },
            Resource = new System.Text.Json.Nodes.JsonObject { ["id"] = "r1", ["path"] = "/pets/{id}" },
        };
        return new TemplateData(invocation, request.Body, "application/json");
    }
}
