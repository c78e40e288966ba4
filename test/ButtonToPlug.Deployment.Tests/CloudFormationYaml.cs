using YamlDotNet.RepresentationModel;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>
/// Reads a CloudFormation/SAM YAML template into plain maps, lists and strings, turning the short-form tags
/// (<c>!Ref X</c>, <c>!Sub s</c>, <c>!GetAtt A.B</c>, <c>!If [...]</c>, ...) into the long form CloudFormation itself
/// sees (<c>{Ref: X}</c>, <c>{Fn::Sub: s}</c>, <c>{Fn::GetAtt: [A, B]}</c>), so tests compare one shape only.
/// </summary>
internal static class CloudFormationYaml
{
    // Every short form CloudFormation documents; anything else is a typo CloudFormation would reject too.
    private static readonly HashSet<string> FunctionTags = new(StringComparer.Ordinal)
    {
        "And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs", "If", "ImportValue", "Join", "Length", "Not", "Or",
        "Select", "Split", "Sub", "ToJsonString", "Transform",
    };

    public static TemplateNode Load(string yaml, string name)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1)
        {
            throw new InvalidDataException($"{name}: expected one YAML document, found {stream.Documents.Count}");
        }

        return new TemplateNode(Convert(stream.Documents[0].RootNode, name), name);
    }

    private static object? Convert(YamlNode node, string path)
    {
        object? plain = node switch
        {
            YamlScalarNode scalar => scalar.Value,
            YamlSequenceNode sequence => sequence.Children.Select((child, i) => Convert(child, $"{path}[{i}]")).ToList(),
            YamlMappingNode mapping => ConvertMapping(mapping, path),
            _ => throw new InvalidDataException($"{path}: unexpected YAML node {node.GetType().Name}"),
        };

        return node.Tag.IsEmpty ? plain : ExpandShortForm(node.Tag.Value, plain, path);
    }

    private static Dictionary<string, object?> ConvertMapping(YamlMappingNode mapping, string path)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : throw new InvalidDataException($"{path}: non-scalar key");
            if (!result.TryAdd(name, Convert(value, $"{path}.{name}")))
            {
                throw new InvalidDataException($"{path}.{name} appears twice");
            }
        }

        return result;
    }

    private static Dictionary<string, object?> ExpandShortForm(string tag, object? value, string path)
    {
        var name = tag.StartsWith('!') ? tag[1..] : throw new InvalidDataException($"{path}: unexpected tag {tag}");
        var longForm = name switch
        {
            "Ref" or "Condition" => name,
            "GetAtt" => "Fn::GetAtt",
            _ when FunctionTags.Contains(name) => "Fn::" + name,
            _ => throw new InvalidDataException($"{path}: unknown CloudFormation tag {tag}"),
        };

        // !GetAtt Resource.Attribute is the short spelling of [Resource, Attribute]; the attribute may contain dots.
        if (name == "GetAtt" && value is string dotted)
        {
            var dot = dotted.IndexOf('.', StringComparison.Ordinal);
            value = dot > 0
                ? new List<object?> { dotted[..dot], dotted[(dot + 1)..] }
                : throw new InvalidDataException($"{path}: !GetAtt '{dotted}' has no attribute");
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal) { [longForm] = value };
    }
}
