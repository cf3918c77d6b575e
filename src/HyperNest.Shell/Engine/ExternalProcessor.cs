using System.Collections;
using System.Diagnostics;
using HyperNest.Shell.Formatting;

namespace HyperNest.Shell.Engine;

/// <summary>
/// Runs a program (argv, no shell). Pipeline input, if any, is written to its stdin as lines; its stdout
/// lines flow on as strings; stderr goes to the session's error writer. A non-zero exit fails the statement.
/// With <paramref name="consoleHandOff"/> (last in a top-level statement on a terminal) the program writes to
/// the console itself, so programs that need a TTY work; the hand-off flushes pending output first.
/// </summary>
internal sealed class ExternalProcessor(
    ExecutionContext context, string path, Func<IReadOnlyList<CommandArgument>> arguments, Action? consoleHandOff = null) : CommandProcessor
{
    private readonly List<object?> _input = [];
    private bool _hasInput;

    public override void Begin()
    {
    }

    public override void Process(object? input)
    {
        _hasInput = true;
        _input.Add(input);
    }

    public override void ProcessWithoutInput()
    {
    }

    public override void End()
    {
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = consoleHandOff is null,
            RedirectStandardError = consoleHandOff is null,
            RedirectStandardInput = _hasInput,
        };
        foreach (var argument in ToArgv(arguments()))
        {
            start.ArgumentList.Add(argument);
        }

        consoleHandOff?.Invoke();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (context.Session.Error)
                {
                    context.Session.Error.WriteLine(e.Data);
                }
            }
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ShellException(new ErrorRecord(
                $"Program '{Path.GetFileName(path)}' failed to run: {ex.Message}", Hosting.ErrorCategory.ResourceUnavailable, "NativeCommandFailed", path, null, ex));
        }

        if (start.RedirectStandardError)
        {
            process.BeginErrorReadLine();
        }

        // Fed from another thread: the program may fill its stdout pipe before it has read all of its input.
        var feeding = _hasInput ? Task.Run(() => Feed(process.StandardInput)) : Task.CompletedTask;
        using var cancel = context.Session.CancellationToken.Register(() => TryKill(process));
        while (start.RedirectStandardOutput && process.StandardOutput.ReadLine() is { } line)
        {
            Downstream(line);
        }

        process.WaitForExit();
        feeding.Wait();
        context.Session.CancellationToken.ThrowIfCancellationRequested();
        context.ReportExitCode(process.ExitCode);
    }

    private void Feed(StreamWriter stdin)
    {
        try
        {
            foreach (var item in _input)
            {
                stdin.WriteLine(ValueText.Format(item));
            }

            stdin.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all of its input (e.g. head); that is not an error.
        }
    }

    private static IEnumerable<string> ToArgv(IReadOnlyList<CommandArgument> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ParameterName is not null)
            {
                yield return argument.HasValue ? $"-{argument.ParameterName}:{Text(argument.Value)}" : "-" + argument.ParameterName;
                continue;
            }

            if (argument.Value is IEnumerable sequence and not string)
            {
                foreach (var item in sequence)
                {
                    yield return Text(item);
                }
            }
            else
            {
                yield return Text(argument.Value);
            }
        }
    }

    private static string Text(object? value) => value is NumberArgument number ? number.Text : ValueText.Format(value);

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
