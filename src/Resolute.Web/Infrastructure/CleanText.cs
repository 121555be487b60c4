using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Resolute.Domain.Text;

namespace Resolute.Web.Infrastructure;

/// <summary>
/// Every string that comes in, through the JSON API or a form, loses its control characters (NUL, bare CR…) and
/// unpaired surrogates before anything reads it (<see cref="VietnameseText.StripControls"/>): they would otherwise reach
/// stored records, exports and the iCalendar feed, or fail in the database driver.
/// </summary>
public sealed class CleanStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } s ? VietnameseText.StripControls(s) : null;

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>The same cleaning for strings bound from forms and query strings on pages.</summary>
public sealed class CleanStringBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) ? new Binder() : null;

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext ctx)
        {
            var value = ctx.ValueProvider.GetValue(ctx.ModelName);
            if (value == ValueProviderResult.None) return Task.CompletedTask;
            ctx.ModelState.SetModelValue(ctx.ModelName, value);
            var s = value.FirstValue;
            // As MVC's own string binder: an empty field binds as null.
            ctx.Result = ModelBindingResult.Success(string.IsNullOrEmpty(s) && ctx.ModelMetadata.ConvertEmptyStringToNull ? null : VietnameseText.StripControls(s ?? ""));
            return Task.CompletedTask;
        }
    }
}
