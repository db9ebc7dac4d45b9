namespace Petard.Local.Tests.EveryOperation;

/// <summary>
/// What a row of the operation table needs before its call. A need includes what it builds on
/// (a stage needs a deployment, which needs a method, which needs an API), so rows name only the last.
/// </summary>
[Flags]
internal enum Needs
{
    Nothing = 0,
    Api = 1 << 0,
    Child = 1 << 1 | Api,
    Method = 1 << 2 | Api,
    Stage = 1 << 3 | Method,
    ApiModel = 1 << 4 | Api,
    Authorizer = 1 << 5 | Api,
    Validator = 1 << 6 | Api,
    GatewayResponse = 1 << 7 | Api,
    DocumentationPart = 1 << 8 | Api,
    DocumentationVersion = 1 << 9 | Api,
    ApiKey = 1 << 10,
    UsagePlan = 1 << 11,
    UsagePlanKey = 1 << 12 | UsagePlan | ApiKey,
    Domain = 1 << 13,
    BasePathMapping = 1 << 14 | Domain | Stage,
    VpcLink = 1 << 15,
    Certificate = 1 << 16,
    Deployment = 1 << 17 | Method,
}
