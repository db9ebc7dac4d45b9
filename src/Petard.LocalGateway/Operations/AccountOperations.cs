using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>GetAccount and UpdateAccount: the CloudWatch role, the account's throttle and features.</summary>
internal static partial class AccountOperations
{
    private static readonly PatchRules Rules = PatchRules.For("account").Handle("cloudwatchRoleArn", PatchRoleArn).Handle("features", PatchFeatures);

    // Every account has usage plans; it is the one feature the service names.
    private static readonly string[] DefaultFeatures = ["UsagePlans"];

    public static void Register(OperationTable table)
    {
        table.Add("GetAccount", (_, state) => Present(state.Account));
        table.Add("UpdateAccount", (input, state) =>
        {
            var updated = Rules.Apply(state.Account, PatchOperation.Read(input));
            ((JsonObject)state.Root["account"]!)["settings"] = updated;
            return Present(updated);
        });
    }

    // The account's fixed parts (the service's default account throttle, its features) are answered, not stored.
    private static JsonObject Present(JsonObject account)
    {
        var answer = new JsonObject();
        if (account["cloudwatchRoleArn"] is { } role)
        {
            answer["cloudwatchRoleArn"] = role.DeepClone();
        }

        answer["throttleSettings"] = new JsonObject { ["burstLimit"] = 5000, ["rateLimit"] = 10000.0 };
        answer["features"] = account["features"]?.DeepClone() ?? new JsonArray(DefaultFeatures.Select(f => (JsonNode)JsonValue.Create(f)).ToArray());
        answer["apiKeyVersion"] = "4";
        return answer;
    }

    // "replace /cloudwatchRoleArn" with an IAM role ARN; an empty value clears it.
    private static bool PatchRoleArn(JsonObject account, PatchOperation operation)
    {
        if (operation.Path != "/cloudwatchRoleArn" || operation.Op != "replace")
        {
            return false;
        }

        if (string.IsNullOrEmpty(operation.Value))
        {
            account.Remove("cloudwatchRoleArn");
        }
        else if (RoleArn().IsMatch(operation.Value))
        {
            account["cloudwatchRoleArn"] = operation.Value;
        }
        else
        {
            throw ServiceErrors.BadRequest("invalidRoleArn", ("value", operation.Value));
        }

        return true;
    }

    // "add /features" with a feature name; "remove /features" takes any but UsagePlans (the service's table says so).
    private static bool PatchFeatures(JsonObject account, PatchOperation operation)
    {
        if (operation.Value is not { Length: > 0 } feature)
        {
            return false;
        }

        var features = (account["features"] as JsonArray)?.Select(f => f!.GetValue<string>()).ToList() ?? [.. DefaultFeatures];
        if (operation.Op == "add")
        {
            features = features.Contains(feature, StringComparer.Ordinal) ? features : [.. features, feature];
        }
        else
        {
            features = DefaultFeatures.Contains(feature, StringComparer.Ordinal)
                ? throw ServiceErrors.BadRequest("accountFeatureNotRemovable", ("value", feature))
                : [.. features.Where(f => f != feature)];
        }

        account["features"] = new JsonArray(features.Select(f => (JsonNode)JsonValue.Create(f)).ToArray());
        return true;
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\w+=,.@/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();
}
