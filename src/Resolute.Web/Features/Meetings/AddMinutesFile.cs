using Resolute.Web.Data;

namespace Resolute.Web.Features.Meetings;

/// <summary>Keeps the minutes as a file (the signed or scanned biên bản) with a meeting held; never for a secret meeting.</summary>
public sealed record AddMinutesFile(Guid MeetingId, string FileName, Func<Stream> Open)
{
    public async Task<StoredFile> HandleAsync(ResoluteDbContext db, Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        var m = await MeetingRules.LoadAsync(db, MeetingId, ct);
        await MeetingRules.RequireKeeperAsync(db, m, ct);
        m.CheckMinutesFile();
        var file = await Infrastructure.Files.StoredFiles.ReceiveAsync(store, FileName, "bien-ban", Open, db.Clock.GetUtcNow().UtcDateTime, ct);
        file.MeetingId = m.Id;
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return file;
    }
}
