namespace ButtonToPlug.Actions;

/// <summary>What a click does to the relay.</summary>
internal enum SwitchKind
{
    On,
    Off,
    Toggle,
}
