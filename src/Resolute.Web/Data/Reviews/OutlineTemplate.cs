using System.Text.Json;
using Resolute.Domain.Common;
using Resolute.Domain.Reviews;

namespace Resolute.Web.Data;

/// <summary>An outline saved under a name to start later campaigns from (RULES.md §7).</summary>
public sealed class OutlineTemplate
{
    public Guid Id { get; set; } = Ids.New();
    public Guid OwnerId { get; set; }
    public string Name { get; set; } = "";
    public ReviewOutline Outline { get; set; } = ReviewOutline.Standard();
    public DateTime CreatedAt { get; set; }
}

/// <summary>The outline as stored: JSON in one column, camelCase as the API gives it.</summary>
public static class OutlineJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ReviewOutline outline) => JsonSerializer.Serialize(outline, Options);

    public static ReviewOutline Read(string json) => JsonSerializer.Deserialize<ReviewOutline>(json, Options) ?? ReviewOutline.Standard();
}
