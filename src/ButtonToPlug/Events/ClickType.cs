namespace ButtonToPlug.Events;

/// <summary>How the button was pressed; <see cref="Long"/> is a press held over 1.5 s.</summary>
internal enum ClickType
{
    Single,
    Double,
    Long,
}
