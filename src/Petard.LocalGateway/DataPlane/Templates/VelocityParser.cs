using System.Globalization;
using System.Text;

namespace Petard.Local.DataPlane.Templates;

/// <summary>
/// Parses the Velocity subset API Gateway users write: text, references, <c>#set</c>,
/// <c>#if/#elseif/#else/#end</c>, <c>#foreach</c>, comments. Directives Velocity has but this engine
/// does not run (<c>#macro</c>, <c>#parse</c>, ...) are a <see cref="TemplateException"/> with their line.
/// </summary>
internal sealed class VelocityParser
{
    private static readonly HashSet<string> Unsupported = ["macro", "parse", "include", "define", "stop", "break", "evaluate"];

    private readonly string text;
    private int position;

    private VelocityParser(string text) => this.text = text;

    public static IReadOnlyList<VelocityNode> Parse(string template)
    {
        var parser = new VelocityParser(template);
        var (nodes, end) = parser.Block();
        if (end is not null)
        {
            throw new TemplateException($"#{end} without a matching #if or #foreach", parser.Line());
        }

        return nodes;
    }

    private int Line(int? at = null) => 1 + text.AsSpan(0, Math.Min(at ?? position, text.Length)).Count('\n');

    private char Peek(int offset = 0) => position + offset < text.Length ? text[position + offset] : '\0';

    /// <summary>Statements up to the end, or up to <c>#elseif</c>, <c>#else</c> or <c>#end</c> (returned).</summary>
    private (List<VelocityNode> Nodes, string? End) Block()
    {
        var nodes = new List<VelocityNode>();
        var buffer = new StringBuilder();
        void Flush()
        {
            if (buffer.Length > 0)
            {
                nodes.Add(new TextNode(buffer.ToString(), Line()));
                buffer.Clear();
            }
        }

        while (position < text.Length)
        {
            var c = Peek();
            if (c == '\\' && Peek(1) is '$' or '#')
            {
                buffer.Append(Peek(1));
                position += 2;
            }
            else if (c == '$' && TryReference(out var reference))
            {
                Flush();
                nodes.Add(new OutputNode(reference!));
            }
            else if (c == '#')
            {
                if (Directive(buffer, nodes, Flush) is { } end)
                {
                    Flush();
                    return (nodes, end);
                }
            }
            else
            {
                buffer.Append(c);
                position++;
            }
        }

        Flush();
        return (nodes, null);
    }

    /// <summary>Handles one <c>#...</c>; returns the name of a block end it met, else <c>null</c>.</summary>
    private string? Directive(StringBuilder buffer, List<VelocityNode> nodes, Action flush)
    {
        var start = position;
        var line = Line();
        if (Peek(1) == '#')
        {
            var newline = text.IndexOf('\n', position);
            position = newline < 0 ? text.Length : newline + 1;
            return null;
        }

        if (Peek(1) == '*')
        {
            var close = text.IndexOf("*#", position + 2, StringComparison.Ordinal);
            position = close < 0 ? throw new TemplateException("#* comment without its closing *#", line) : close + 2;
            return null;
        }

        position++;
        var braced = Peek() == '{';
        if (braced)
        {
            position++;
        }

        var name = Identifier();
        if (braced && !Accept('}'))
        {
            position = start + 1;
            buffer.Append('#');
            return null;
        }

        if (Unsupported.Contains(name))
        {
            throw new TemplateException($"#{name} is not supported by Petard.LocalGateway's template engine (supported: #set, #if/#elseif/#else/#end, #foreach)", line);
        }

        if (name is not ("set" or "if" or "elseif" or "else" or "end" or "foreach"))
        {
            // Not a directive (e.g. a colour "#fff" in the output): plain text, as in Velocity.
            position = start + 1;
            buffer.Append('#');
            return null;
        }

        var onItsOwnLine = LineBefore(start);
        switch (name)
        {
            case "set":
                var (target, value) = Parenthesized(() =>
                {
                    var reference = Expression() as ReferenceExpr ?? throw new TemplateException("#set needs a reference on the left of '='", line);
                    SkipSpaces();
                    Expect('=');
                    return (reference, Expression());
                });
                TrimLine(onItsOwnLine, buffer, flush);
                nodes.Add(new SetNode(target, value, line));
                return null;
            case "if":
                var condition = Parenthesized(Expression);
                TrimLine(onItsOwnLine, buffer, flush);
                nodes.Add(IfBlock(condition, line));
                return null;
            case "foreach":
                var (variable, items) = ForeachHead(line);
                TrimLine(onItsOwnLine, buffer, flush);
                var (body, end) = Block();
                if (end != "end")
                {
                    throw new TemplateException("#foreach without its #end", line);
                }

                nodes.Add(new ForeachNode(variable, items, body, line));
                return null;
            default:
                TrimLine(onItsOwnLine, buffer, flush);
                return name;
        }
    }

    private IfNode IfBlock(VelocityExpr condition, int line)
    {
        var branches = new List<(VelocityExpr, IReadOnlyList<VelocityNode>)>();
        while (true)
        {
            var (body, end) = Block();
            branches.Add((condition, body));
            switch (end)
            {
                case "elseif":
                    condition = ElseIfCondition();
                    continue;
                case "else":
                    var (elseBody, elseEnd) = Block();
                    return elseEnd == "end" ? new IfNode(branches, elseBody, line) : throw new TemplateException("#else without its #end", line);
                case "end":
                    return new IfNode(branches, null, line);
                default:
                    throw new TemplateException("#if without its #end", line);
            }
        }
    }

    // The condition of an #elseif was left unread by Block(); it follows the directive's name.
    private VelocityExpr ElseIfCondition()
    {
        var condition = Parenthesized(Expression);
        if (Peek() == '\n')
        {
            position++;
        }

        return condition;
    }

    private (string Variable, VelocityExpr Items) ForeachHead(int line) =>
        Parenthesized(() =>
        {
            SkipSpaces();
            Expect('$');
            var variable = Identifier();
            SkipSpaces();
            if (Identifier() != "in")
            {
                throw new TemplateException("#foreach needs '$item in $list'", line);
            }

            return (variable, Expression());
        });

    /// <summary>Whether only spaces precede <paramref name="start"/> on its line.</summary>
    private bool LineBefore(int start)
    {
        for (var i = start - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    // A directive alone on its line leaves no blank line behind, as in Velocity. The text before the
    // directive is flushed first, so the node the directive makes comes after it.
    private void TrimLine(bool onItsOwnLine, StringBuilder buffer, Action flush)
    {
        var after = position;
        while (after < text.Length && text[after] is ' ' or '\t' or '\r')
        {
            after++;
        }

        if (onItsOwnLine && (after == text.Length || text[after] == '\n'))
        {
            while (buffer.Length > 0 && buffer[^1] is ' ' or '\t')
            {
                buffer.Length--;
            }

            position = Math.Min(after + 1, text.Length);
        }

        flush();
    }

    private T Parenthesized<T>(Func<T> inner)
    {
        SkipSpaces();
        Expect('(');
        var result = inner();
        SkipSpaces();
        Expect(')');
        return result;
    }

    private bool TryReference(out ReferenceExpr? reference)
    {
        var start = position;
        var line = Line();
        position++;
        var silent = Accept('!');
        var formal = Accept('{');
        if (!char.IsAsciiLetter(Peek()) && Peek() != '_')
        {
            position = start;
            reference = null;
            return false;
        }

        var root = Identifier();
        var chain = new List<Accessor>();
        while (true)
        {
            if (Peek() == '.' && (char.IsAsciiLetter(Peek(1)) || Peek(1) == '_'))
            {
                position++;
                var name = Identifier();
                chain.Add(Peek() == '(' ? new MethodAccessor(name, Arguments(')')) : new PropertyAccessor(name));
            }
            else if (Peek() == '[')
            {
                position++;
                var index = Expression();
                SkipSpaces();
                Expect(']');
                chain.Add(new IndexAccessor(index));
            }
            else
            {
                break;
            }
        }

        if (formal)
        {
            Expect('}');
        }

        reference = new ReferenceExpr(root, chain, silent, text[start..position], line);
        return true;
    }

    private List<VelocityExpr> Arguments(char close)
    {
        position++;
        var arguments = new List<VelocityExpr>();
        SkipSpaces();
        if (Accept(close))
        {
            return arguments;
        }

        do
        {
            arguments.Add(Expression());
            SkipSpaces();
        }
        while (Accept(','));
        Expect(close);
        return arguments;
    }

    private VelocityExpr Expression() => Binary(0);

    private static readonly string[][] Levels =
    [
        ["||", "or"],
        ["&&", "and"],
        ["==", "!=", "eq", "ne"],
        ["<=", ">=", "<", ">", "le", "ge", "lt", "gt"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private VelocityExpr Binary(int level)
    {
        if (level == Levels.Length)
        {
            return Unary();
        }

        var left = Binary(level + 1);
        while (true)
        {
            SkipSpaces();
            var op = Levels[level].FirstOrDefault(o => text.AsSpan(position).StartsWith(o, StringComparison.Ordinal) && (!char.IsAsciiLetter(o[0]) || !char.IsAsciiLetterOrDigit(Peek(o.Length))));
            if (op is null || (op is "<" or ">" && Peek(1) == '='))
            {
                return left;
            }

            var line = Line();
            position += op.Length;
            left = new BinaryExpr(Canonical(op), left, Binary(level + 1), line);
        }
    }

    private static string Canonical(string op) => op switch
    {
        "or" => "||",
        "and" => "&&",
        "eq" => "==",
        "ne" => "!=",
        "lt" => "<",
        "gt" => ">",
        "le" => "<=",
        "ge" => ">=",
        _ => op,
    };

    private VelocityExpr Unary()
    {
        SkipSpaces();
        var line = Line();
        if (Accept('!'))
        {
            return new UnaryExpr("!", Unary(), line);
        }

        if (text.AsSpan(position).StartsWith("not ", StringComparison.Ordinal))
        {
            position += 3;
            return new UnaryExpr("!", Unary(), line);
        }

        if (Peek() == '-' && !char.IsAsciiDigit(Peek(1)))
        {
            position++;
            return new UnaryExpr("-", Unary(), line);
        }

        return Primary();
    }

    private VelocityExpr Primary()
    {
        SkipSpaces();
        var line = Line();
        var c = Peek();
        switch (c)
        {
            case '$':
                return TryReference(out var reference) ? reference! : throw new TemplateException("a '$' that starts no reference", line);
            case '\'':
                return new LiteralExpr(Quoted('\''), line);
            case '"':
                var quoted = Quoted('"');
                return quoted.Contains('$', StringComparison.Ordinal) ? new InterpolatedExpr(Parse(quoted), line) : new LiteralExpr(quoted, line);
            case '(':
                position++;
                var inner = Expression();
                SkipSpaces();
                Expect(')');
                return inner;
            case '[':
                return ListOrRange(line);
            case '{':
                return Map(line);
            default:
                break;
        }

        if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
        {
            return Number(line);
        }

        var word = Identifier();
        return word switch
        {
            "true" => new LiteralExpr(true, line),
            "false" => new LiteralExpr(false, line),
            "null" => new LiteralExpr(null, line),
            _ => throw new TemplateException($"unexpected '{(word.Length > 0 ? word : c.ToString())}' in an expression", line),
        };
    }

    private VelocityExpr ListOrRange(int line)
    {
        position++;
        SkipSpaces();
        if (Accept(']'))
        {
            return new ListExpr([], line);
        }

        var first = Expression();
        SkipSpaces();
        if (text.AsSpan(position).StartsWith("..", StringComparison.Ordinal))
        {
            position += 2;
            var last = Expression();
            SkipSpaces();
            Expect(']');
            return new RangeExpr(first, last, line);
        }

        var items = new List<VelocityExpr> { first };
        while (Accept(','))
        {
            items.Add(Expression());
            SkipSpaces();
        }

        Expect(']');
        return new ListExpr(items, line);
    }

    private MapExpr Map(int line)
    {
        position++;
        var entries = new List<(VelocityExpr, VelocityExpr)>();
        SkipSpaces();
        if (Accept('}'))
        {
            return new MapExpr(entries, line);
        }

        do
        {
            var key = Expression();
            SkipSpaces();
            Expect(':');
            entries.Add((key, Expression()));
            SkipSpaces();
        }
        while (Accept(','));
        Expect('}');
        return new MapExpr(entries, line);
    }

    private LiteralExpr Number(int line)
    {
        var start = position;
        position++;
        while (char.IsAsciiDigit(Peek()) || (Peek() == '.' && char.IsAsciiDigit(Peek(1))))
        {
            position++;
        }

        var literal = text[start..position];
        return literal.Contains('.', StringComparison.Ordinal)
            ? new LiteralExpr(double.Parse(literal, CultureInfo.InvariantCulture), line)
            : new LiteralExpr(long.Parse(literal, CultureInfo.InvariantCulture), line);
    }

    private string Quoted(char quote)
    {
        var line = Line();
        var close = text.IndexOf(quote, position + 1);
        if (close < 0)
        {
            throw new TemplateException($"a string without its closing {quote}", line);
        }

        var value = text[(position + 1)..close];
        position = close + 1;
        return value;
    }

    private string Identifier()
    {
        var start = position;
        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() is '_')
        {
            position++;
        }

        return text[start..position];
    }

    private void SkipSpaces()
    {
        while (char.IsWhiteSpace(Peek()))
        {
            position++;
        }
    }

    private bool Accept(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        position++;
        return true;
    }

    private void Expect(char c)
    {
        if (!Accept(c))
        {
            throw new TemplateException($"expected '{c}' but found {(position < text.Length ? $"'{Peek()}'" : "the end of the template")}", Line());
        }
    }
}
