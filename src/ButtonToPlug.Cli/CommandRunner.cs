using System.CommandLine;

namespace ButtonToPlug.Cli;

/// <summary>Parses and runs the command line; a usage error is one line on stderr and exit code 2, never a wall of help.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var reasons = string.Join("; ", parsed.Errors.Select(e => e.Message.TrimEnd('.')));
            await Console.Error.WriteLineAsync($"buttontoplug: {reasons} (see buttontoplug --help)");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
