namespace ButtonToPlug.Deployment.Tests;

/// <summary>
/// One value of a loaded template or config file with its dotted path, so a failed lookup says where it looked.
/// Maps are <c>Dictionary&lt;string, object?&gt;</c>, lists <c>List&lt;object?&gt;</c>, scalars their text.
/// </summary>
internal sealed record TemplateNode(object? Value, string Path)
{
    public TemplateNode this[string key] =>
        Map.TryGetValue(key, out var child)
            ? new TemplateNode(child, $"{Path}.{key}")
            : throw new KeyNotFoundException($"{Path}.{key} is missing");

    public TemplateNode this[int index] =>
        index < List.Count
            ? new TemplateNode(List[index], $"{Path}[{index}]")
            : throw new KeyNotFoundException($"{Path}[{index}] is missing ({List.Count} items)");

    public bool Has(string key) => Value is IReadOnlyDictionary<string, object?> map && map.ContainsKey(key);

    public IEnumerable<string> Keys => Map.Keys;

    public IEnumerable<TemplateNode> Items => List.Select((item, i) => new TemplateNode(item, $"{Path}[{i}]"));

    public string Text => Value as string ?? throw new InvalidCastException($"{Path} is not a scalar: {Describe()}");

    /// <summary>The one key of an intrinsic function written long-form, e.g. <c>Fn::Sub</c> or <c>Ref</c>.</summary>
    public string? Intrinsic => Value is IReadOnlyDictionary<string, object?> { Count: 1 } map ? map.Keys.Single() : null;

    private IReadOnlyDictionary<string, object?> Map =>
        Value as IReadOnlyDictionary<string, object?> ?? throw new InvalidCastException($"{Path} is not a mapping: {Describe()}");

    private IReadOnlyList<object?> List =>
        Value as IReadOnlyList<object?> ?? throw new InvalidCastException($"{Path} is not a list: {Describe()}");

    private string Describe() => Value switch
    {
        null => "null",
        string s => $"'{s}'",
        IReadOnlyDictionary<string, object?> map => $"mapping with {string.Join(", ", map.Keys)}",
        IReadOnlyList<object?> list => $"list of {list.Count}",
        _ => Value.GetType().Name,
    };
}
