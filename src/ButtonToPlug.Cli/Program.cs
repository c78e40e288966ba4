using System.CommandLine;
using ButtonToPlug.Cli;

// `buttontoplug`: each command lives in its own class; a new command is one more line in this list.
RootCommand root = new("ButtonToPlug's command-line tool: talk to a TP-Link Kasa plug directly, or find plugs on the local network. "
    + ExitCodes.Summary)
{
    PlugCommand.Create(),
    DiscoverCommand.Create(),
    PressCommand.Create(),
};

return await CommandRunner.RunAsync(root, args);
