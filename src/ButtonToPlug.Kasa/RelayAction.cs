namespace ButtonToPlug.Kasa;

/// <summary>What to do with the relay. <see cref="Toggle"/> reads the state first and then sets the other one.</summary>
public enum RelayAction
{
    On,
    Off,
    Toggle,
}
