using System.Net;
using HyperNest.Hosting;
using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Commands.Network;

/// <summary>
/// Invoke-WebRequest (GET) for connectivity checks from a host or a guest. As in PowerShell 7, a status
/// outside 2xx is an error; -UseBasicParsing is accepted and changes nothing (no HTML DOM is built anyway).
/// </summary>
[Cmdlet("Invoke", "WebRequest", Synopsis = "Sends an HTTP GET and returns StatusCode, Content and RawContentLength.")]
public sealed class InvokeWebRequestCommand : Cmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Uri { get; set; } = "";

    [Parameter]
    public SwitchParameter UseBasicParsing { get; set; }

    /// <summary>0 means no timeout, as in PowerShell.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int TimeoutSec { get; set; }

    protected internal override void ProcessRecord()
    {
        // PowerShell takes "example.com" as http://example.com; only HTTP(S) is supported (HttpClient's schemes).
        var text = Uri.Contains("://", StringComparison.Ordinal) ? Uri : "http://" + Uri;
        if (!System.Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps))
        {
            ThrowParameterError($"'{Uri}' is not an http:// or https:// URI.", "InvalidUri");
        }

        using var client = new HttpClient { Timeout = TimeoutSec == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(TimeoutSec) };
        try
        {
            using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, uri), CancellationToken);
            using var reader = new StreamReader(response.Content.ReadAsStream(CancellationToken));
            var content = reader.ReadToEnd();
            if (!response.IsSuccessStatusCode)
            {
                WriteError(new ErrorRecord($"Response status code does not indicate success: {(int)response.StatusCode} ({response.ReasonPhrase}).",
                    ErrorCategory.InvalidOperation, "WebCmdletWebResponseException", Uri, CommandName));
                return;
            }

            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            WriteObject(new WebResponseObject((int)response.StatusCode, response.ReasonPhrase ?? response.StatusCode.ToString(), content,
                response.Content.Headers.ContentLength ?? reader.CurrentEncoding.GetByteCount(content), headers));
        }
        catch (HttpRequestException ex)
        {
            WriteError(new ErrorRecord(ex.Message, ErrorCategory.ConnectionError, "WebCmdletWebResponseException", Uri, CommandName));
        }
        catch (TaskCanceledException) when (!CancellationToken.IsCancellationRequested)
        {
            WriteError(new ErrorRecord($"The request to {Uri} timed out after {TimeoutSec} s.", ErrorCategory.OperationTimeout, "WebCmdletTimeoutException", Uri, CommandName));
        }
    }
}
