using System.Text.Json;
using ImagingBot.Templating.Expressions;

namespace ImagingBot.Templating.Compilation;

/// <summary>A compiled piece of a template that writes its expansion.</summary>
internal abstract class TemplateNode
{
    protected TemplateNode(string location) => Location = location;

    /// <summary>JSON pointer of this piece in the template, for error messages.</summary>
    public string Location { get; }

    public abstract void Write(Utf8JsonWriter writer, Scope scope);
}

/// <summary>A subtree without any template syntax, serialized once when the template loads.</summary>
internal sealed class ConstantNode(string location, byte[] json) : TemplateNode(location)
{
    public override void Write(Utf8JsonWriter writer, Scope scope) => writer.WriteRawValue(json, skipInputValidation: true);
}
