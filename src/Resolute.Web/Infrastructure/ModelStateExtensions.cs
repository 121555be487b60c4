using Microsoft.AspNetCore.Mvc.ModelBinding;
using Resolute.Domain.Common;

namespace Resolute.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Shows a domain rule's message beside the form field it is about (or at the top when it names none).</summary>
    public static void AddDomainError(this ModelStateDictionary state, DomainException e, params (string Field, string Input)[] map)
    {
        var key = "";
        if (e.Field is { } f)
        {
            var mapped = map.FirstOrDefault(m => m.Field == f).Input;
            key = mapped ?? "Input." + char.ToUpperInvariant(f[0]) + f[1..];
        }
        state.AddModelError(key, e.Message);
    }
}
