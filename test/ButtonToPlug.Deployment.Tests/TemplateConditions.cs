namespace ButtonToPlug.Deployment.Tests;

/// <summary>
/// Evaluates the template's Conditions the way CloudFormation does for given parameter values (defaults for the rest),
/// and says which resources and outputs a stack would then have.
/// </summary>
internal sealed class TemplateConditions(IReadOnlyDictionary<string, string> parameters)
{
    public static TemplateConditions Defaults { get; } = new(new Dictionary<string, string>());

    public bool Holds(string condition) => Evaluate(SamTemplate.Root["Conditions"][condition]);

    public bool HasResource(string id) => Exists(SamTemplate.Root["Resources"][id]);

    public bool HasOutput(string id) => Exists(SamTemplate.Root["Outputs"][id]);

    private bool Exists(TemplateNode node) => !node.Has("Condition") || Holds(node["Condition"].Text);

    private bool Evaluate(TemplateNode node) => node.Intrinsic switch
    {
        "Fn::Equals" => Scalar(node["Fn::Equals"][0]) == Scalar(node["Fn::Equals"][1]),
        "Fn::Not" => !Evaluate(node["Fn::Not"][0]),
        "Fn::And" => node["Fn::And"].Items.All(Evaluate),
        "Fn::Or" => node["Fn::Or"].Items.Any(Evaluate),
        "Condition" => Holds(node["Condition"].Text),
        _ => throw new InvalidDataException($"{node.Path}: not a condition function"),
    };

    private string Scalar(TemplateNode node)
    {
        if (node.Intrinsic != "Ref")
        {
            return node.Text;
        }

        var name = node["Ref"].Text;
        return parameters.TryGetValue(name, out var given) ? given : SamTemplate.Parameters[name]["Default"].Text;
    }
}
