#Requires -Version 7.6
<#
.SYNOPSIS
Builds the HyperNest module's help file (MAML) from one Markdown page per command.

.DESCRIPTION
PowerShell reads a binary module's help from <module folder>/en-US/HyperNest.PowerShell.dll-Help.xml.
This script writes that file the way platyPS does: the words come from src/HyperNest.PowerShell/Help/
<Command>.md (synopsis, description, examples, one section per parameter, outputs, notes, links), and
everything the code already knows comes from Get-Command of the loaded module (syntax per parameter set,
types, mandatory, positions, pipeline input, aliases, accepted values, inputs).

It refuses to write anything while a page is missing, names a parameter the command lacks, or leaves a
parameter without words; every problem is listed at once. With -Check it writes nothing and fails when
the committed file differs from what it would write.

Run it with the built hypernest (which has the module loaded):
    dotnet src/HyperNest.Cli/bin/Release/net10.0/hypernest.dll -NoProfile -File scripts/help/Build-Help.ps1
or from any pwsh 7.6 (it then imports -ModulePath).
#>
[CmdletBinding()]
param(
    # Folder of the Markdown pages (one <Command>.md per exported command).
    [string] $SourcePath = (Join-Path $PSScriptRoot '../../src/HyperNest.PowerShell/Help'),

    # The MAML file to write (committed; the build copies it next to the module).
    [string] $OutputPath = (Join-Path $PSScriptRoot '../../src/HyperNest.PowerShell/en-US/HyperNest.PowerShell.dll-Help.xml'),

    # The module to describe when no HyperNest module is loaded yet.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../src/HyperNest.Cli/bin/Release/net10.0/Modules/HyperNest/HyperNest.psd1'),

    # Compare instead of writing: exit 1 when the committed file is out of date.
    [switch] $Check
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$MamlNs = 'http://schemas.microsoft.com/maml/2004/10'
$CommandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$DevNs = 'http://schemas.microsoft.com/maml/dev/2004/10'
$MsHelpNs = 'http://msdn.microsoft.com/mshelp'
$CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
# -WhatIf and -Confirm (SupportsShouldProcess) belong in the syntax and the parameter list, as platyPS
# writes them; their words are the same everywhere, so a page only describes them to say more.
$ShouldProcessWords = @{
    WhatIf = 'Shows what the cmdlet would do, without doing it.'
    Confirm = 'Asks for confirmation before the cmdlet makes each change.'
}
$KnownSections = 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'

# ---------------------------------------------------------------------------------------------------------
# The Markdown pages

# Blank lines end a paragraph; a line starting with "- " starts a list item of its own; other lines join.
function ConvertTo-Paragraph([string[]] $Lines) {
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        $text = $line.Trim()
        if ($text.Length -eq 0 -or $text -match '^[-*] ') {
            if ($current.Count -gt 0) { $paragraphs.Add($current -join ' '); $current.Clear() }
        }
        if ($text.Length -gt 0) { $current.Add($text) }
    }
    if ($current.Count -gt 0) { $paragraphs.Add($current -join ' ') }
    , $paragraphs.ToArray()
}

# A parameter section's "Default value: …" and "Accept wildcard characters: True" lines are fields, not words.
function Split-ParameterField([string[]] $Paragraphs) {
    $field = @{ Default = $null; Globbing = $false }
    $words = foreach ($para in $Paragraphs) {
        if ($para -match '^Default value:\s*(.+)$') { $field.Default = $Matches[1].Trim() }
        elseif ($para -match '^Accept wildcard characters:\s*(True|False)$') { $field.Globbing = $Matches[1] -eq 'True' }
        else { $para }
    }
    $field.Paragraphs = @($words)
    $field
}

function Read-HelpPage([string] $Path, [System.Collections.Generic.List[string]] $Problems) {
    $file = [System.IO.Path]::GetFileName($Path)
    $page = [ordered]@{
        Title = $null; Synopsis = @(); Description = @(); Examples = [System.Collections.Generic.List[object]]::new()
        Parameters = [ordered]@{}; Inputs = [System.Collections.Generic.List[object]]::new()
        Outputs = [System.Collections.Generic.List[object]]::new(); Notes = @(); Links = [System.Collections.Generic.List[string]]::new()
    }
    $section = $null
    $item = $null
    $body = [System.Collections.Generic.List[string]]::new()
    $code = $null
    $inFence = $false

    $flush = {
        $paragraphs = ConvertTo-Paragraph $body.ToArray()
        switch ($section) {
            $null { if ($paragraphs.Count -gt 0) { $Problems.Add("${file}: text before the first ## section.") } }
            'SYNOPSIS' { $page.Synopsis = $paragraphs }
            'DESCRIPTION' { $page.Description = $paragraphs }
            'NOTES' { $page.Notes = $paragraphs }
            'RELATED LINKS' {
                foreach ($para in $paragraphs) {
                    # "- Get-VM" or "- [Get-VM](…)"
                    $page.Links.Add(($para -replace '^[-*]\s*', '' -replace '^\[([^\]]+)\].*$', '$1').Trim())
                }
            }
            'EXAMPLES' {
                if ($null -ne $item) {
                    $page.Examples.Add([pscustomobject]@{ Title = $item; Code = $code; Remarks = $paragraphs })
                } elseif ($paragraphs.Count -gt 0) {
                    $Problems.Add("${file}: text under ## EXAMPLES before the first ### Example heading.")
                }
            }
            'PARAMETERS' {
                if ($null -ne $item) {
                    if ($page.Parameters.Contains($item)) { $Problems.Add("${file}: -$item is described twice.") }
                    else { $page.Parameters[$item] = Split-ParameterField $paragraphs }
                } elseif ($paragraphs.Count -gt 0) {
                    $Problems.Add("${file}: text under ## PARAMETERS before the first ### -Name heading.")
                }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                if ($null -ne $item) {
                    $entry = [pscustomobject]@{ Type = $item; Paragraphs = $paragraphs }
                    if ($section -eq 'INPUTS') { $page.Inputs.Add($entry) } else { $page.Outputs.Add($entry) }
                }
            }
        }
        $body.Clear()
        $code = $null
    }

    foreach ($line in [System.IO.File]::ReadAllLines($Path)) {
        if ($line -match '^```') {
            if ($inFence) {
                $inFence = $false
            } else {
                $inFence = $true
                if ($null -ne $code) { $Problems.Add("${file}: example '$item' has more than one code block.") }
                $code = [System.Collections.Generic.List[string]]::new()
            }
            continue
        }
        if ($inFence) { $code.Add($line); continue }

        if ($line -match '^# (.+)$') {
            $page.Title = $Matches[1].Trim()
        } elseif ($line -match '^## (.+)$') {
            . $flush
            $section = $Matches[1].Trim().ToUpperInvariant()
            $item = $null
            if ($section -notin $KnownSections) { $Problems.Add("${file}: unknown section '## $($Matches[1])' (known: $($KnownSections -join ', ')).") }
        } elseif ($line -match '^### (.+)$') {
            . $flush
            $item = $Matches[1].Trim()
            if ($section -eq 'PARAMETERS') {
                if ($item -notmatch '^-(\w+)$') { $Problems.Add("${file}: parameter heading '### $item' must be '### -Name'.") }
                else { $item = $Matches[1] }
            }
        } else {
            $body.Add($line)
        }
    }
    . $flush
    if ($inFence) { $Problems.Add("${file}: a code block is not closed.") }
    foreach ($example in $page.Examples) {
        if ($null -eq $example.Code) { $Problems.Add("${file}: example '$($example.Title)' has no code block.") }
        else { $example.Code = ($example.Code -join "`n").Trim("`n") }
    }
    [pscustomobject]$page
}

# ---------------------------------------------------------------------------------------------------------
# What the code knows: parameters and their sets

function Get-ElementType([type] $Type) {
    $plain = [Nullable]::GetUnderlyingType($Type) ?? $Type
    if ($plain.IsArray) { $plain = $plain.GetElementType() }
    [Nullable]::GetUnderlyingType($plain) ?? $plain
}

function Get-TypeName([type] $Type, [switch] $Full) {
    $plain = [Nullable]::GetUnderlyingType($Type) ?? $Type
    $suffix = ''
    if ($plain.IsArray) { $plain = $plain.GetElementType(); $suffix = '[]' }
    $plain = [Nullable]::GetUnderlyingType($plain) ?? $plain
    ($Full ? $plain.FullName : $plain.Name) + $suffix
}

# The values a parameter accepts: its ValidateSet, or the names of its enum type.
function Get-AcceptedValue([System.Management.Automation.ParameterMetadata] $Parameter) {
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { return , @($set.ValidValues) }
    $element = Get-ElementType $Parameter.ParameterType
    if ($element.IsEnum) { return , @([enum]::GetNames($element)) }
    , @()
}

function Format-PipelineInput([bool] $ByValue, [bool] $ByPropertyName) {
    $ways = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
    $ways.Count -eq 0 ? 'False' : "True ($($ways -join ', '))"
}

function Get-ParameterSetEntry([System.Management.Automation.ParameterMetadata] $Parameter) {
    foreach ($pair in $Parameter.ParameterSets.GetEnumerator()) {
        [pscustomobject]@{ Set = $pair.Key; Attribute = $pair.Value }
    }
}

# The parameters section shows one entry per parameter. Get-Help reads "required" as a boolean, so a
# parameter mandatory in some parameter sets is "true" (the syntax lines tell which); a position that
# differs between sets is given per set.
function Get-ParameterSummary([System.Management.Automation.ParameterMetadata] $Parameter) {
    $entries = @(Get-ParameterSetEntry $Parameter)
    $positions = @($entries | Group-Object { $_.Attribute.Position -lt 0 ? 'named' : [string]$_.Attribute.Position } | Sort-Object @{ Expression = 'Count'; Descending = $true }, Name)
    $position = $positions[0].Name
    foreach ($other in $positions | Select-Object -Skip 1) {
        $position += "; $($other.Name) in parameter set $(($other.Group.Set | Sort-Object) -join ', ')"
    }
    [pscustomobject]@{
        Required = ($entries.Attribute.IsMandatory -contains $true) ? 'true' : 'false'
        Position = $position
        PipelineInput = Format-PipelineInput ($entries.Attribute.ValueFromPipeline -contains $true) ($entries.Attribute.ValueFromPipelineByPropertyName -contains $true)
    }
}

function Get-OwnParameter([System.Management.Automation.CommandInfo] $Command) {
    $Command.Parameters.Values | Where-Object { $_.Name -notin $CommonParameters }
}

# Syntax: positional parameters by position, then the rest in declaration order (PowerShell's own order).
function Get-SyntaxParameter([System.Management.Automation.CommandParameterSetInfo] $Set) {
    $own = @($Set.Parameters | Where-Object { $_.Name -notin $CommonParameters })
    @($own | Where-Object Position -ge 0 | Sort-Object Position) + @($own | Where-Object Position -lt 0)
}

# ---------------------------------------------------------------------------------------------------------
# Checks: a page for every command, words for every parameter, no words for parameters that do not exist

function Add-ShouldProcessWord([System.Management.Automation.CommandInfo] $Command, $Page) {
    foreach ($name in $ShouldProcessWords.Keys) {
        if ($Command.Parameters.ContainsKey($name) -and -not $Page.Parameters.Contains($name)) {
            $Page.Parameters[$name] = @{ Default = $null; Globbing = $false; Paragraphs = @($ShouldProcessWords[$name]) }
        }
    }
}

function Test-HelpPage([System.Management.Automation.CommandInfo] $Command, $Page, [System.Collections.Generic.List[string]] $Problems) {
    $file = "$($Command.Name).md"
    if ($Page.Title -ne $Command.Name) { $Problems.Add("${file}: the title must be '# $($Command.Name)', not '# $($Page.Title)'.") }
    if ($Page.Synopsis.Count -ne 1) { $Problems.Add("${file}: ## SYNOPSIS must be one paragraph (it has $($Page.Synopsis.Count)).") }
    if ($Page.Description.Count -eq 0) { $Problems.Add("${file}: ## DESCRIPTION is empty.") }
    if ($Page.Examples.Count -eq 0) { $Problems.Add("${file}: ## EXAMPLES has no '### Example 1: …' with a code block.") }

    $names = @(Get-OwnParameter $Command | Select-Object -ExpandProperty Name)
    foreach ($name in $names) {
        $described = $Page.Parameters.Keys | Where-Object { $_ -eq $name }
        if (-not $described) {
            $Problems.Add("${file}: -$name has no '### -$name' section under ## PARAMETERS.")
        } elseif ($described -cne $name) {
            $Problems.Add("${file}: '### -$described' must be spelled '### -$name', as the command declares it.")
        } elseif ($Page.Parameters[$name].Paragraphs.Count -eq 0) {
            $Problems.Add("${file}: '### -$name' has no description.")
        }
    }
    foreach ($name in $Page.Parameters.Keys) {
        if ($name -notin $names) { $Problems.Add("${file}: describes -$name, which $($Command.Name) does not have (remove the section, or add the parameter).") }
    }
}

# ---------------------------------------------------------------------------------------------------------
# MAML

function Write-Para([System.Xml.XmlWriter] $W, [string[]] $Paragraphs) {
    $W.WriteStartElement('maml', 'description', $MamlNs)
    foreach ($para in $Paragraphs) { $W.WriteElementString('maml', 'para', $MamlNs, $para) }
    $W.WriteEndElement()
}

function Write-DevType([System.Xml.XmlWriter] $W, [string] $Name) {
    $W.WriteStartElement('dev', 'type', $DevNs)
    $W.WriteElementString('maml', 'name', $MamlNs, $Name)
    $W.WriteElementString('maml', 'uri', $MamlNs, '')
    $W.WriteEndElement()
}

function Write-ParameterValue([System.Xml.XmlWriter] $W, [System.Management.Automation.ParameterMetadata] $Parameter, [switch] $InSyntax) {
    if ($Parameter.SwitchParameter) {
        if (-not $InSyntax) {
            $W.WriteStartElement('command', 'parameterValue', $CommandNs)
            $W.WriteAttributeString('required', 'false')
            $W.WriteAttributeString('variableLength', 'false')
            $W.WriteString('SwitchParameter')
            $W.WriteEndElement()
        }
        return
    }
    $values = Get-AcceptedValue $Parameter
    if ($InSyntax -and $values.Count -gt 0) {
        # Get-Help shows these as {A | B | C}.
        $W.WriteStartElement('command', 'parameterValueGroup', $CommandNs)
        foreach ($value in $values) {
            $W.WriteStartElement('command', 'parameterValue', $CommandNs)
            $W.WriteAttributeString('required', 'false')
            $W.WriteAttributeString('command', 'variableLength', $CommandNs, 'false')
            $W.WriteString($value)
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
        return
    }
    $W.WriteStartElement('command', 'parameterValue', $CommandNs)
    $W.WriteAttributeString('required', 'true')
    $W.WriteAttributeString('variableLength', ($Parameter.ParameterType.IsArray ? 'true' : 'false'))
    $W.WriteString((Get-TypeName $Parameter.ParameterType))
    $W.WriteEndElement()
}

function Write-ParameterStart([System.Xml.XmlWriter] $W, [System.Management.Automation.ParameterMetadata] $Parameter, $Field, [string] $Required, [string] $Position, [string] $PipelineInput) {
    $W.WriteStartElement('command', 'parameter', $CommandNs)
    $W.WriteAttributeString('required', $Required)
    $W.WriteAttributeString('variableLength', ($Parameter.ParameterType.IsArray ? 'true' : 'false'))
    $W.WriteAttributeString('globbing', ($Field.Globbing ? 'true' : 'false'))
    $W.WriteAttributeString('pipelineInput', $PipelineInput)
    $W.WriteAttributeString('position', $Position)
    $W.WriteAttributeString('aliases', ($Parameter.Aliases.Count -gt 0 ? ($Parameter.Aliases -join ', ') : 'none'))
    $W.WriteElementString('maml', 'name', $MamlNs, $Parameter.Name)
}

function Get-DefaultValue([System.Management.Automation.ParameterMetadata] $Parameter, $Field) {
    if ($Field.Default) { return $Field.Default }
    $Parameter.SwitchParameter ? 'False' : 'None'
}

# Inputs the page does not list are read from the pipeline bindings.
function Get-DerivedInput([System.Management.Automation.CommandInfo] $Command) {
    $own = @(Get-OwnParameter $Command)
    foreach ($parameter in $own) {
        if (Get-ParameterSetEntry $parameter | Where-Object { $_.Attribute.ValueFromPipeline }) {
            [pscustomobject]@{ Type = Get-TypeName (Get-ElementType $parameter.ParameterType) -Full; Paragraphs = @("You can pipe $(Get-TypeName (Get-ElementType $parameter.ParameterType)) objects to -$($parameter.Name).") }
        }
    }
    foreach ($parameter in $own) {
        $entries = @(Get-ParameterSetEntry $parameter)
        if (($entries | Where-Object { $_.Attribute.ValueFromPipelineByPropertyName }) -and -not ($entries | Where-Object { $_.Attribute.ValueFromPipeline })) {
            $names = @($parameter.Name) + @($parameter.Aliases)
            [pscustomobject]@{ Type = Get-TypeName $parameter.ParameterType -Full; Paragraphs = @("Piped objects with a property named $($names -join ' or ') bind it to -$($parameter.Name).") }
        }
    }
}

function Write-CommandHelp([System.Xml.XmlWriter] $W, [System.Management.Automation.CommandInfo] $Command, $Page) {
    $W.WriteStartElement('command', 'command', $CommandNs)
    $W.WriteAttributeString('xmlns', 'maml', $null, $MamlNs)
    $W.WriteAttributeString('xmlns', 'command', $null, $CommandNs)
    $W.WriteAttributeString('xmlns', 'dev', $null, $DevNs)
    $W.WriteAttributeString('xmlns', 'MSHelp', $null, $MsHelpNs)

    $verb, $noun = $Command.Name -split '-', 2
    $W.WriteStartElement('command', 'details', $CommandNs)
    $W.WriteElementString('command', 'name', $CommandNs, $Command.Name)
    $W.WriteElementString('command', 'verb', $CommandNs, $verb)
    $W.WriteElementString('command', 'noun', $CommandNs, $noun)
    Write-Para $W $Page.Synopsis
    $W.WriteEndElement()

    Write-Para $W $Page.Description

    $own = @{}
    foreach ($parameter in Get-OwnParameter $Command) { $own[$parameter.Name] = $parameter }

    $W.WriteStartElement('command', 'syntax', $CommandNs)
    $sets = @($Command.ParameterSets | Where-Object IsDefault) + @($Command.ParameterSets | Where-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $W.WriteStartElement('command', 'syntaxItem', $CommandNs)
        $W.WriteElementString('maml', 'name', $MamlNs, $Command.Name)
        foreach ($info in Get-SyntaxParameter $set) {
            $parameter = $own[$info.Name]
            $field = $Page.Parameters[$info.Name]
            Write-ParameterStart $W $parameter $field ($info.IsMandatory ? 'true' : 'false') ($info.Position -lt 0 ? 'named' : [string]$info.Position) (Format-PipelineInput $info.ValueFromPipeline $info.ValueFromPipelineByPropertyName)
            # Get-Help draws the syntax from these attributes and the value; type and default are in the parameters section.
            Write-ParameterValue $W $parameter -InSyntax
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $CommandNs)
    foreach ($name in $own.Keys | Sort-Object) {
        $parameter = $own[$name]
        $field = $Page.Parameters[$name]
        $summary = Get-ParameterSummary $parameter
        Write-ParameterStart $W $parameter $field $summary.Required $summary.Position $summary.PipelineInput
        Write-Para $W $field.Paragraphs
        Write-ParameterValue $W $parameter
        Write-DevType $W (Get-TypeName $parameter.ParameterType -Full)
        $W.WriteElementString('dev', 'defaultValue', $DevNs, (Get-DefaultValue $parameter $field))
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $inputs = $Page.Inputs.Count -gt 0 ? @($Page.Inputs) : @(Get-DerivedInput $Command)
    if ($inputs.Count -eq 0) { $inputs = @([pscustomobject]@{ Type = 'None'; Paragraphs = @('You cannot pipe objects to this cmdlet.') }) }
    $W.WriteStartElement('command', 'inputTypes', $CommandNs)
    foreach ($entry in $inputs) {
        $W.WriteStartElement('command', 'inputType', $CommandNs)
        Write-DevType $W $entry.Type
        Write-Para $W $entry.Paragraphs
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $outputs = $Page.Outputs.Count -gt 0 ? @($Page.Outputs) : @($Command.OutputType | ForEach-Object { [pscustomobject]@{ Type = $_.Name; Paragraphs = @() } })
    if ($outputs.Count -gt 0) {
        $W.WriteStartElement('command', 'returnValues', $CommandNs)
        foreach ($entry in $outputs) {
            $W.WriteStartElement('command', 'returnValue', $CommandNs)
            Write-DevType $W $entry.Type
            Write-Para $W $entry.Paragraphs
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }

    if ($Page.Notes.Count -gt 0) {
        $W.WriteStartElement('maml', 'alertSet', $MamlNs)
        $W.WriteStartElement('maml', 'alert', $MamlNs)
        foreach ($para in $Page.Notes) { $W.WriteElementString('maml', 'para', $MamlNs, $para) }
        $W.WriteEndElement()
        $W.WriteEndElement()
    }

    $W.WriteStartElement('command', 'examples', $CommandNs)
    $number = 0
    foreach ($example in $Page.Examples) {
        $number++
        $title = $example.Title -replace '^Example \d+:?\s*', ''
        $W.WriteStartElement('command', 'example', $CommandNs)
        $W.WriteElementString('maml', 'title', $MamlNs, "--------- Example ${number}: $title ---------")
        $W.WriteElementString('dev', 'code', $DevNs, $example.Code)
        $W.WriteStartElement('dev', 'remarks', $DevNs)
        foreach ($para in $example.Remarks) { $W.WriteElementString('maml', 'para', $MamlNs, $para) }
        # An empty last paragraph gives the blank line Get-Help otherwise leaves out before the next example.
        $W.WriteElementString('maml', 'para', $MamlNs, '')
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $CommandNs)
    foreach ($link in $Page.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $MamlNs)
        $W.WriteElementString('maml', 'linkText', $MamlNs, $link)
        $W.WriteElementString('maml', 'uri', $MamlNs, '')
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

# ---------------------------------------------------------------------------------------------------------

$module = Get-Module -Name HyperNest
if (-not $module) {
    $module = Import-Module -Name (Resolve-Path -LiteralPath $ModulePath) -PassThru -ErrorAction Stop
}
$expected = [System.IO.Path]::GetDirectoryName([System.IO.Path]::GetFullPath($ModulePath))
if ($module.ModuleBase.TrimEnd('/') -ne $expected.TrimEnd('/')) {
    Write-Warning "Describing the HyperNest module loaded from $($module.ModuleBase), not the build at $expected."
}

# Every cmdlet, and the Invoke-Command proxy (the function the VM parameter sets of scripts reach).
$commands = @(Get-Command -Module HyperNest -CommandType Cmdlet, Function | Sort-Object Name)
$problems = [System.Collections.Generic.List[string]]::new()
$pages = @{}
$source = Resolve-Path -LiteralPath $SourcePath
foreach ($command in $commands) {
    $path = Join-Path $source "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $path)) {
        $problems.Add("$($command.Name).md is missing: write it (copy a page of a similar cmdlet) with a ### section for each of: $((Get-OwnParameter $command | Where-Object { -not $ShouldProcessWords.ContainsKey($_.Name) } | ForEach-Object { "-$($_.Name)" }) -join ', ').")
        continue
    }
    $page = Read-HelpPage $path $problems
    Add-ShouldProcessWord $command $page
    Test-HelpPage $command $page $problems
    $pages[$command.Name] = $page
}
foreach ($file in Get-ChildItem -LiteralPath $source -Filter '*.md' | Where-Object Name -ne 'README.md') {
    if ($file.BaseName -notin $commands.Name) {
        $problems.Add("$($file.Name) describes $($file.BaseName), which the HyperNest module does not export.")
    }
}
if ($problems.Count -gt 0) {
    Write-Error -ErrorAction Continue ("The help pages in $source are not complete; nothing was written:`n  " + ($problems -join "`n  "))
    exit 1
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.NewLineChars = "`n"
$settings.NewLineHandling = [System.Xml.NewLineHandling]::Replace
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$stream = [System.IO.MemoryStream]::new()
$writer = [System.Xml.XmlWriter]::Create($stream, $settings)
$writer.WriteStartDocument()
$writer.WriteComment(' Generated by scripts/help/Build-Help.ps1 from src/HyperNest.PowerShell/Help/*.md and the module''s parameters. Do not edit: edit the pages and run the script. ')
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
foreach ($command in $commands) {
    Write-CommandHelp $writer $command $pages[$command.Name]
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Flush()
$text = [System.Text.Encoding]::UTF8.GetString($stream.ToArray()) + "`n"
$writer.Dispose()

$output = [System.IO.Path]::GetFullPath($OutputPath)
if ($Check) {
    $current = (Test-Path -LiteralPath $output) ? [System.IO.File]::ReadAllText($output) : ''
    if ($current -ne $text) {
        Write-Error -ErrorAction Continue "$output is out of date: run scripts/help/Build-Help.ps1 and commit the result."
        exit 1
    }
    "$output is up to date ($($commands.Count) commands)."
    exit 0
}

[System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($output)) | Out-Null
[System.IO.File]::WriteAllText($output, $text, [System.Text.UTF8Encoding]::new($false))
"Wrote $output ($($commands.Count) commands)."
