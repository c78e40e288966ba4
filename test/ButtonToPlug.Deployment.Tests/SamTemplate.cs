namespace ButtonToPlug.Deployment.Tests;

/// <summary>template.yaml at the repository root, loaded once, with the names the tests look things up by.</summary>
internal static class SamTemplate
{
    public const string FunctionId = "ButtonToPlugFunction";

    private static readonly Lazy<TemplateNode> LazyRoot =
        new(() => CloudFormationYaml.Load(RepositoryFiles.ReadAllText("template.yaml"), "template.yaml"));

    public static TemplateNode Root => LazyRoot.Value;

    public static TemplateNode Function => Root["Resources"][FunctionId];

    public static TemplateNode Parameters => Root["Parameters"];

    /// <summary>Every IAM statement written in the template's function policies, with any <c>Fn::If</c> unwrapped.</summary>
    public static IEnumerable<TemplateNode> PolicyStatements() =>
        from resource in Root["Resources"].Keys.Select(id => Root["Resources"][id])
        where resource["Type"].Text == "AWS::Serverless::Function" && resource["Properties"].Has("Policies")
        from policy in resource["Properties"]["Policies"].Items
        where policy.Has("Statement")
        from statement in policy["Statement"].Items
        from branch in Unwrap(statement)
        select branch;

    public static IReadOnlyList<string> Strings(TemplateNode node) =>
        node.Value is string ? [node.Text] : node.Items.Select(item => item.Text).ToList();

    private static IEnumerable<TemplateNode> Unwrap(TemplateNode statement)
    {
        if (statement.Intrinsic != "Fn::If")
        {
            return [statement];
        }

        var branches = statement["Fn::If"];
        return new[] { branches[1], branches[2] }.Where(branch => branch.Intrinsic != "Ref").SelectMany(Unwrap);
    }
}
