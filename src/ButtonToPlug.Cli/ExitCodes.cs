namespace ButtonToPlug.Cli;

/// <summary>The process exit codes of `buttontoplug`, documented in the README; scripts branch on them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something we did not expect (a bug); the message says what.</summary>
    public const int Unexpected = 1;

    /// <summary>The command line is wrong, or names an outlet the device does not have.</summary>
    public const int Usage = 2;

    /// <summary>DNS failure, connection refused or reset, timeout.</summary>
    public const int Unreachable = 3;

    /// <summary>The plug answered with a non-zero err_code.</summary>
    public const int DeviceError = 4;

    /// <summary>Something answered, but not like a Kasa plug (bad frame, not JSON).</summary>
    public const int ProtocolError = 5;

    /// <summary>The plug wants credentials that were not accepted (KLAP firmware).</summary>
    public const int AuthenticationError = 6;

    /// <summary>For `buttontoplug --help`, in the words of the README's table.</summary>
    public const string Summary = "Exit codes: 0 success; 1 a defect of ours (a bug: please report it); 2 usage or configuration "
        + "(bad option value, unknown outlet, invalid event file); 3 unreachable (or discover found nothing); "
        + "4 the device answered an error; 5 protocol error; 6 credentials refused.";
}
