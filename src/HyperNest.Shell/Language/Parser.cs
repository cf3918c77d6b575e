using HyperNest.Shell.Engine;

namespace HyperNest.Shell.Language;

/// <summary>Builds the syntax tree of a script: statements of pipelines of commands with their arguments.</summary>
public sealed class Parser
{
    private readonly IReadOnlyList<Token> _tokens;
    private int _index;

    private Parser(IReadOnlyList<Token> tokens) => _tokens = tokens;

    /// <summary>Parses a whole script; throws <see cref="ShellException"/> (category ParserError) on the first syntax error.</summary>
    public static ScriptAst Parse(string script)
    {
        var parser = new Parser(Tokenizer.Tokenize(script));
        var ast = parser.ParseStatements(insideParentheses: false);
        return ast;
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private ScriptAst ParseStatements(bool insideParentheses)
    {
        var start = Current.Extent;
        var statements = new List<StatementAst>();
        while (true)
        {
            while (Current.Kind is TokenKind.NewLine or TokenKind.Semicolon)
            {
                Advance();
            }

            if (Current.Kind == TokenKind.EndOfInput)
            {
                if (insideParentheses)
                {
                    throw ParseError.At(Current.Extent, "MissingEndParenthesis", "Missing closing ')' in expression.");
                }

                break;
            }

            if (Current.Kind == TokenKind.RightParen)
            {
                if (!insideParentheses)
                {
                    throw ParseError.At(Current.Extent, "UnexpectedToken", "Unexpected token ')' in expression or statement.");
                }

                break;
            }

            statements.Add(ParseStatement());
            if (Current.Kind is not (TokenKind.NewLine or TokenKind.Semicolon or TokenKind.EndOfInput or TokenKind.RightParen))
            {
                throw ParseError.At(Current.Extent, "UnexpectedToken", $"Unexpected token '{Current.Text}' in expression or statement.");
            }
        }

        var end = _index > 0 ? _tokens[_index - 1].Extent : start;
        return new ScriptAst(statements, Span(start, end));
    }

    private StatementAst ParseStatement()
    {
        if (Current.Kind == TokenKind.Variable && _tokens[_index + 1].Kind == TokenKind.Equals)
        {
            var variable = Advance();
            Advance();
            if (((string[])variable.Value!).Length > 0)
            {
                throw ParseError.At(variable.Extent, "AssignmentToMemberNotSupported", "Only simple variables can be assigned ($name = ...).");
            }

            var value = ParsePipeline();
            return new AssignmentAst(variable.Text, value, Span(variable.Extent, value.Extent));
        }

        return ParsePipeline();
    }

    private PipelineAst ParsePipeline()
    {
        var elements = new List<PipelineElementAst> { ParsePipelineElement(first: true) };
        while (Current.Kind == TokenKind.Pipe)
        {
            var pipe = Advance();
            while (Current.Kind == TokenKind.NewLine)
            {
                Advance();
            }

            if (Current.Kind is TokenKind.EndOfInput or TokenKind.Semicolon or TokenKind.RightParen or TokenKind.Pipe)
            {
                throw ParseError.At(pipe.Extent, "EmptyPipeElement", "An empty pipe element is not allowed.");
            }

            elements.Add(ParsePipelineElement(first: false));
        }

        return new PipelineAst(elements, Span(elements[0].Extent, elements[^1].Extent));
    }

    private PipelineElementAst ParsePipelineElement(bool first)
    {
        if (Current.Kind == TokenKind.Word)
        {
            return ParseCommand();
        }

        if (Current.Kind == TokenKind.Parameter)
        {
            throw ParseError.At(Current.Extent, "UnexpectedToken", $"Unexpected token '-{Current.Text}': a statement cannot start with a parameter. Put the command name first.");
        }

        var expression = ParseArgument();
        if (!first)
        {
            throw ParseError.At(expression.Extent, "ExpressionsMustBeFirstInPipeline", "Expressions are only allowed as the first element of a pipeline.");
        }

        return new CommandExpressionAst(expression, expression.Extent);
    }

    private CommandAst ParseCommand()
    {
        var nameToken = Advance();
        var name = string.Concat(nameToken.Text.Select(c => Characters.IsDash(c) ? '-' : c));
        var elements = new List<CommandElementAst>();
        while (Current.Kind is not (TokenKind.Pipe or TokenKind.NewLine or TokenKind.Semicolon or TokenKind.EndOfInput or TokenKind.RightParen))
        {
            if (Current.Kind == TokenKind.Parameter)
            {
                var parameter = Advance();
                if (!parameter.HasColon)
                {
                    elements.Add(new CommandParameterAst(parameter.Text, null, parameter.Extent));
                    continue;
                }

                if (Current.Kind is TokenKind.Pipe or TokenKind.NewLine or TokenKind.Semicolon or TokenKind.EndOfInput or TokenKind.RightParen)
                {
                    throw ParseError.At(parameter.Extent, "ParameterRequiresArgument", $"The parameter '-{parameter.Text}' is followed by ':' but no value.");
                }

                var argument = ParseArgument();
                elements.Add(new CommandParameterAst(parameter.Text, argument, Span(parameter.Extent, argument.Extent)));
            }
            else
            {
                var value = ParseArgument();
                elements.Add(new CommandArgumentAst(value, value.Extent));
            }
        }

        var end = elements.Count > 0 ? elements[^1].Extent : nameToken.Extent;
        return new CommandAst(name, elements, Span(nameToken.Extent, end));
    }

    /// <summary>A primary value, or several joined by commas into an array.</summary>
    private ExpressionAst ParseArgument()
    {
        var first = ParsePrimary();
        if (Current.Kind != TokenKind.Comma)
        {
            return first;
        }

        var elements = new List<ExpressionAst> { first };
        while (Current.Kind == TokenKind.Comma)
        {
            var comma = Advance();
            while (Current.Kind == TokenKind.NewLine)
            {
                Advance();
            }

            if (Current.Kind is TokenKind.Pipe or TokenKind.Semicolon or TokenKind.EndOfInput or TokenKind.RightParen or TokenKind.Parameter)
            {
                throw ParseError.At(comma.Extent, "MissingExpressionAfterToken", "Missing expression after ','.");
            }

            elements.Add(ParsePrimary());
        }

        return new ArrayLiteralAst(elements, Span(first.Extent, elements[^1].Extent));
    }

    private ExpressionAst ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Word:
            case TokenKind.String:
            case TokenKind.Equals:
                Advance();
                return new ConstantAst(token.Text, token.Text, token.Extent);
            case TokenKind.Number:
                Advance();
                return new ConstantAst(token.Value, token.Text, token.Extent);
            case TokenKind.ExpandableString:
                Advance();
                return new ExpandableStringAst((IReadOnlyList<StringPart>)token.Value!, token.Extent);
            case TokenKind.Variable:
                Advance();
                return new VariableAst(token.Text, (string[])token.Value!, token.Extent);
            case TokenKind.ScriptBlock:
                Advance();
                return new ScriptBlockAst(token.Text, token.Extent);
            case TokenKind.LeftParen:
            case TokenKind.AtParen:
            case TokenKind.DollarParen:
                Advance();
                var inner = ParseStatements(insideParentheses: true);
                var close = Advance();
                var sub = new SubExpressionAst(inner, token.Kind == TokenKind.AtParen, Span(token.Extent, close.Extent));
                return ParseMemberAccess(sub);
            default:
                throw ParseError.At(token.Extent, "UnexpectedToken", $"Unexpected token '{token.Text}' in expression or statement.");
        }
    }

    /// <summary>A word glued to a closing parenthesis and starting with '.', as in (Get-VM L1).State, is member access.</summary>
    private ExpressionAst ParseMemberAccess(ExpressionAst target)
    {
        if (Current is not { Kind: TokenKind.Word, PrecededBySpace: false } word || word.Text[0] is not ('.' or '['))
        {
            return target;
        }

        Advance();
        var match = MemberPath.Pattern().Match(word.Text);
        if (!match.Success || match.Length != word.Text.Length)
        {
            throw ParseError.At(word.Extent, "UnexpectedToken", $"Unexpected token '{word.Text}': only property access and indexes such as (Get-VM).Name or (Get-VM)[0] are supported after ')'.");
        }

        var path = MemberPath.Split(word.Text);
        return new MemberAccessAst(target, path, Span(target.Extent, word.Extent));
    }

    private static Extent Span(Extent start, Extent end) => start with { End = Math.Max(start.End, end.End) };
}
