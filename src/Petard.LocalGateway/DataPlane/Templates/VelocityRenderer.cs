using System.Text;

namespace Petard.Local.DataPlane.Templates;

/// <summary>Runs a parsed template against its variables; <c>#set</c> writes to the same scope, as in Velocity.</summary>
internal sealed class VelocityRenderer(IDictionary<string, object?> variables)
{
    /// <summary>The service stops a <c>#foreach</c> after 1,000 iterations.</summary>
    public const int MaxIterations = 1000;

    public string Render(IReadOnlyList<VelocityNode> nodes)
    {
        var output = new StringBuilder();
        Run(nodes, output);
        return output.ToString();
    }

    private void Run(IReadOnlyList<VelocityNode> nodes, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case OutputNode { Reference: var reference }:
                    var value = Evaluate(reference);
                    output.Append(value is null ? reference.Silent ? string.Empty : reference.Source : VelocityValues.Render(value));
                    break;
                case SetNode set:
                    Assign(set.Target, Evaluate(set.Value));
                    break;
                case IfNode @if:
                    var branch = @if.Branches.FirstOrDefault(b => VelocityValues.IsTrue(Evaluate(b.Condition))).Body ?? @if.Else;
                    if (branch is not null)
                    {
                        Run(branch, output);
                    }

                    break;
                case ForeachNode loop:
                    Foreach(loop, output);
                    break;
                default:
                    throw new TemplateException($"unknown statement {node.GetType().Name}", node.Line);
            }
        }
    }

    private void Foreach(ForeachNode loop, StringBuilder output)
    {
        var items = Evaluate(loop.Items) switch
        {
            null => [],
            IList<object?> list => list.ToList(),
            IDictionary<string, object?> map => map.Values.ToList(),
            var other => throw new TemplateException($"#foreach over a {other.GetType().Name}, not a list or map", loop.Line),
        };
        for (var i = 0; i < items.Count && i < MaxIterations; i++)
        {
            variables[loop.Variable] = items[i];
            variables["foreach"] = new Dictionary<string, object?>
            {
                ["index"] = (long)i,
                ["count"] = (long)i + 1,
                ["hasNext"] = i + 1 < items.Count,
                ["first"] = i == 0,
                ["last"] = i + 1 == items.Count,
            };
            variables["velocityCount"] = (long)i + 1;
            Run(loop.Body, output);
        }
    }

    private void Assign(ReferenceExpr target, object? value)
    {
        if (target.Chain.Count == 0)
        {
            variables[target.Root] = value;
            return;
        }

        var owner = Evaluate(target with { Chain = target.Chain.Take(target.Chain.Count - 1).ToList() });
        switch (target.Chain[^1], owner)
        {
            case (PropertyAccessor property, IDictionary<string, object?> map):
                map[property.Name] = value;
                break;
            case (IndexAccessor index, IDictionary<string, object?> map):
                map[VelocityValues.Render(Evaluate(index.Index))] = value;
                break;
            default:
                throw new TemplateException($"#set cannot assign to {target.Source}", target.Line);
        }
    }

    private object? Evaluate(VelocityExpr expression) => expression switch
    {
        LiteralExpr literal => literal.Value,
        InterpolatedExpr text => new VelocityRenderer(variables).Render(text.Parts),
        ListExpr list => list.Items.Select(Evaluate).ToList() as IList<object?>,
        RangeExpr range => Range(range),
        MapExpr map => map.Entries.ToDictionary(e => VelocityValues.Render(Evaluate(e.Key)), e => Evaluate(e.Value)) as IDictionary<string, object?>,
        UnaryExpr { Operator: "!" } not => !VelocityValues.IsTrue(Evaluate(not.Operand)),
        UnaryExpr negate => Arithmetic("-", 0L, Evaluate(negate.Operand), negate.Line),
        BinaryExpr binary => Binary(binary),
        ReferenceExpr reference => Reference(reference),
        _ => throw new TemplateException($"unknown expression {expression.GetType().Name}", expression.Line),
    };

    private object? Reference(ReferenceExpr reference)
    {
        var value = variables.TryGetValue(reference.Root, out var root) ? root : null;
        foreach (var accessor in reference.Chain)
        {
            value = accessor switch
            {
                PropertyAccessor property => VelocityValues.Property(value, property.Name, reference.Line),
                MethodAccessor method => VelocityValues.Call(value, method.Name, method.Arguments.Select(Evaluate).ToList(), reference.Line),
                IndexAccessor index => VelocityValues.Index(value, Evaluate(index.Index), reference.Line),
                _ => null,
            };
        }

        return value;
    }

    private List<object?> Range(RangeExpr range)
    {
        var from = (long)VelocityValues.ToDouble(Evaluate(range.From));
        var to = (long)VelocityValues.ToDouble(Evaluate(range.To));
        var step = from <= to ? 1 : -1;
        var items = new List<object?>();
        for (var i = from; items.Count < MaxIterations; i += step)
        {
            items.Add(i);
            if (i == to)
            {
                break;
            }
        }

        return items;
    }

    private object? Binary(BinaryExpr binary)
    {
        var left = Evaluate(binary.Left);
        switch (binary.Operator)
        {
            case "&&":
                return VelocityValues.IsTrue(left) && VelocityValues.IsTrue(Evaluate(binary.Right));
            case "||":
                return VelocityValues.IsTrue(left) || VelocityValues.IsTrue(Evaluate(binary.Right));
            default:
                break;
        }

        var right = Evaluate(binary.Right);
        return binary.Operator switch
        {
            "==" => VelocityValues.AreEqual(left, right),
            "!=" => !VelocityValues.AreEqual(left, right),
            "<" or ">" or "<=" or ">=" => Compare(binary.Operator, left, right, binary.Line),
            "+" when !VelocityValues.IsNumber(left) || !VelocityValues.IsNumber(right) => VelocityValues.Render(left) + VelocityValues.Render(right),
            _ => Arithmetic(binary.Operator, left, right, binary.Line),
        };
    }

    private static bool Compare(string op, object? left, object? right, int line)
    {
        var order = VelocityValues.IsNumber(left) && VelocityValues.IsNumber(right)
            ? VelocityValues.ToDouble(left).CompareTo(VelocityValues.ToDouble(right))
            : left is string a && right is string b ? string.CompareOrdinal(a, b) : throw new TemplateException($"cannot compare {VelocityValues.Render(left)} {op} {VelocityValues.Render(right)}", line);
        return op switch
        {
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    }

    private static object Arithmetic(string op, object? left, object? right, int line)
    {
        if (!VelocityValues.IsNumber(left) || !VelocityValues.IsNumber(right))
        {
            throw new TemplateException($"'{op}' needs numbers, not {VelocityValues.Render(left)} and {VelocityValues.Render(right)}", line);
        }

        if (left is long l && right is long r)
        {
            return op switch
            {
                "+" => l + r,
                "-" => l - r,
                "*" => l * r,
                "/" => r == 0 ? throw new TemplateException("division by zero", line) : l / r,
                _ => r == 0 ? throw new TemplateException("division by zero", line) : l % r,
            };
        }

        var x = VelocityValues.ToDouble(left);
        var y = VelocityValues.ToDouble(right);
        return op switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => x / y,
            _ => x % y,
        };
    }
}
