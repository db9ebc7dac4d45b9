using System.IO.Compression;
using System.Text;
using Cake.Core;
using Cake.Petard;
using Cake.Petard.Tests.Fakes;
using Petard.Local;
using Petard.Reliability.Tests.Infrastructure;

namespace Petard.Reliability.Tests;

/// <summary>
/// The front ends' outputs scanned for the secrets of the credentials they used: a real in-process
/// MSBuild build of DeployApi with a binary log, and the Cake alias with a log that keeps every line.
/// The emulator verifies every signature, so the secrets were really used.
/// </summary>
[Collection(EnvironmentScope.Collection)]
public sealed class FrontEndSecretsTests : GatewayScenario
{
    private const string ApiName = "LeakCheckApi"; // known to be logged: proves the scan reads the output

    internal override LocalGatewayOptions GatewayOptions => new() { VerifySignatures = new SigningKey(FakeSecrets.AccessKeyId, FakeSecrets.SecretAccessKey) };

    [Fact]
    public void An_MSBuild_deploy_and_a_failing_one_leave_no_secret_in_the_binary_log_or_the_messages()
    {
        var binlog = Path.Combine(Apis.Folder, "deploy.binlog");
        var openApi = Apis.Write(ApiName, "v1");
        using (new EnvironmentScope(FakeSecrets.Environment))
        {
            var good = Build(binlog, openApi, stage: "dev");
            Assert.True(good.Succeeded, good.Text);
            var bad = Build(binlog + ".failed.binlog", openApi, stage: "no such stage!");
            Assert.False(bad.Succeeded);
            Assert.Contains("PETARD1004", bad.Text, StringComparison.Ordinal);

            var logged = good.Text + "\n" + bad.Text;
            var recorded = BinlogText(binlog) + "\n" + BinlogText(binlog + ".failed.binlog");
            Assert.Contains(ApiName, logged, StringComparison.Ordinal);
            Assert.Contains(ApiName, recorded, StringComparison.Ordinal);
            Assert.Contains("CreateStage", recorded, StringComparison.Ordinal); // the task's detail lines are in the binlog
            FakeSecrets.AssertAbsent("the MSBuild messages", logged);
            FakeSecrets.AssertAbsent("the binary log", recorded);
        }
    }

    [Fact]
    public void A_Cake_deploy_and_a_failing_one_leave_no_secret_in_the_Cake_log_or_the_error()
    {
        var context = new FakeCakeContext(Apis.Folder);
        var openApi = Apis.Write(ApiName, "v1");
        using (new EnvironmentScope(FakeSecrets.Environment))
        {
            var result = context.PetardDeployApi(new PetardDeployApiSettings { RestApiName = ApiName, StageName = "dev", OpenApiFile = openApi, EndpointUrl = Gateway.Url });
            var error = Assert.Throws<CakeException>(() =>
                context.PetardDeployApi(new PetardDeployApiSettings { RestApiName = ApiName, StageName = "dev", OpenApiFile = Apis.Write(ApiName, "v2"), EndpointUrl = "http://127.0.0.1:1" }));

            Assert.NotNull(result.DeploymentId);
            Assert.StartsWith(PetardErrorCodes.Unreachable, error.Message, StringComparison.Ordinal);
            Assert.Contains(ApiName, context.FakeLog.Text, StringComparison.Ordinal);
            FakeSecrets.AssertAbsent("the Cake log", context.FakeLog.Text);
            FakeSecrets.AssertAbsent("the Cake error", error.ToString());
        }
    }

    private BuildOutput Build(string binlog, string openApi, string stage)
    {
        var build = new DeployApiBuild(Apis.Folder, new Dictionary<string, string>
        {
            ["PetardRestApiName"] = ApiName,
            ["PetardStageName"] = stage,
            ["PetardOpenApiFile"] = openApi,
            ["PetardEndpointUrl"] = Gateway.Url,
        });
        return new BuildOutput(build.Run(binlog), build.Text);
    }

    /// <summary>The binary log's records, decompressed: its strings are stored as UTF-8 in them.</summary>
    private static string BinlogText(string binlog)
    {
        using var file = File.OpenRead(binlog);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray()) + Encoding.Unicode.GetString(bytes.ToArray());
    }

    private sealed record BuildOutput(bool Succeeded, string Text);
}
