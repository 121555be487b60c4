using System.IO.Compression;
using System.Security.Cryptography;
using Resolute.Web.Data;
using UglyToad.PdfPig;

namespace Resolute.Web.Infrastructure.Files;

/// <summary>
/// Files stored outside the database, named by their SHA-256 (the same file is kept once). Uploads are streamed to a
/// temporary file while hashed, limited in size, and accepted by what their bytes are, never by their name.
/// Several instances must share the folder (<c>Attachments:Path</c>, e.g. a network share).
/// </summary>
public sealed class FileStore(IConfiguration config, IHostEnvironment env)
{
    public long MaxBytes => config.GetValue("Attachments:MaxBytes", 25L * 1024 * 1024);

    public string Root
    {
        get
        {
            var path = config["Attachments:Path"];
            return string.IsNullOrWhiteSpace(path) ? Path.Combine(env.ContentRootPath, "data", "attachments") : path;
        }
    }

    public sealed record Stored(string Sha256, long Size, string ContentType, string Extension);

    public async Task<Stored> SaveAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = File.Create(temp))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                        throw new RejectedException($"Tệp lớn hơn giới hạn {MaxBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0) throw new RejectedException("Tệp rỗng.", StatusCodes.Status400BadRequest);
            var (contentType, extension) = Detect(temp)
                ?? throw new RejectedException("Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), PNG hoặc JPEG; loại tệp được nhận biết theo nội dung.", StatusCodes.Status415UnsupportedMediaType);
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temp);
            else File.Move(temp, target);
            return new Stored(sha, size, contentType, extension);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The uploaded file's own name without any path, at most 200 characters, or a plain one when it has none.</summary>
    public static string NameFor(string uploaded, string fallback, Stored stored)
    {
        var name = Path.GetFileName(uploaded.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? fallback + stored.Extension : name[..Math.Min(name.Length, 200)];
    }

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    /// <summary>The file's type from its first bytes (and, for Office files, the parts inside the zip).</summary>
    private static (string ContentType, string Extension)? Detect(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using (var f = File.OpenRead(path))
        {
            if (f.Read(head) < 4) return null;
        }
        if (head[..5].SequenceEqual("%PDF-"u8)) return ("application/pdf", ".pdf");
        if (head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("image/png", ".png");
        if (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return ("image/jpeg", ".jpg");
        if (head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            try
            {
                using var zip = ZipFile.OpenRead(path);
                if (zip.GetEntry("[Content_Types].xml") is null) return null;
                CheckExpansion(zip);
                if (zip.GetEntry("word/document.xml") is not null)
                    return ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
                if (zip.GetEntry("xl/workbook.xml") is not null)
                    return ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>What an Office file may grow to when unzipped: real documents are far below it, a zip bomb far above.</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;
    /// <summary>How many times its packed size one part may unpack to (text compresses well, but not a thousandfold).</summary>
    public const long MaxExpansionRatio = 200;
    /// <summary>The searchable text kept from one file; the rest of a very long file is not indexed.</summary>
    public const int MaxTextChars = Domain.Documents.Document.AttachmentTextMaxLength;

    private const string BombMessage = "Tệp nén (Word/Excel) khi giải nén lớn bất thường, có thể là tệp độc hại; hệ thống không nhận tệp này.";

    /// <summary>Refuses a zip whose parts claim to unpack to more than the limits allow.</summary>
    public static void CheckExpansion(ZipArchive zip)
    {
        long total = 0;
        foreach (var e in zip.Entries)
        {
            total += e.Length;
            if (total > MaxUncompressedBytes || (e.Length > 1024 * 1024 && e.Length > Math.Max(1, e.CompressedLength) * MaxExpansionRatio))
                throw new RejectedException(BombMessage, StatusCodes.Status413PayloadTooLarge);
        }
    }

    /// <summary>
    /// Searchable text of a stored file: Word paragraphs, PDF pages; null for images and spreadsheets. Read as a stream
    /// with a hard cap on the bytes unpacked (a zip's declared sizes can lie) and on the characters kept.
    /// </summary>
    public string? ExtractText(StoredFile file)
    {
        var path = PathOf(file.Sha256);
        try
        {
            return file.ContentType switch
            {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => WordText(path),
                "application/pdf" => PdfText(path),
                _ => null,
            };
        }
        catch (RejectedException)
        {
            throw;
        }
        catch (Exception)
        {
            // A damaged file is kept and can be downloaded; it just adds nothing to search.
            return null;
        }
    }

    private static string? WordText(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var part = zip.GetEntry("word/document.xml");
        if (part is null) return null;
        using var raw = part.Open();
        using var limited = new LimitedStream(raw, MaxUncompressedBytes);
        using var xml = System.Xml.XmlReader.Create(limited, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var text = new System.Text.StringBuilder();
        while (xml.Read() && text.Length < MaxTextChars)
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.NamespaceURI == w)
            {
                if (xml.LocalName == "t" && !xml.IsEmptyElement) text.Append(xml.ReadElementContentAsString());
                else if (xml.LocalName == "p" && text.Length > 0) text.Append('\n');
                else if (xml.LocalName == "tab") text.Append('\t');
            }
        }
        return Cap(text.ToString());
    }

    private static string PdfText(string path)
    {
        using var pdf = PdfDocument.Open(path);
        var text = new System.Text.StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            text.Append(page.Text).Append('\n');
            if (text.Length >= MaxTextChars) break;
        }
        return Cap(text.ToString());
    }

    private static string Cap(string text) => text.Length > MaxTextChars ? text[..MaxTextChars] : text;

    /// <summary>Reads at most a given number of bytes; past it, the file is refused as a bomb.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > limit) throw new RejectedException(BombMessage, StatusCodes.Status413PayloadTooLarge);
            return n;
        }
    }
}

/// <summary>An upload refused for what it is (too large, empty, of a type not accepted, a zip bomb): a 4xx with its message.</summary>
public sealed class RejectedException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// The one way a file comes in and goes out, whoever it belongs to (a document, a progress report, a unit report):
/// stored by content and described by a <see cref="StoredFile"/> row the caller gives its owner and adds.
/// </summary>
public static class StoredFiles
{
    /// <summary>Stores the upload (checked by content, within the size limit) and returns its row, not yet added.</summary>
    public static async Task<StoredFile> ReceiveAsync(FileStore store, string uploadedName, string fallbackName, Func<Stream> open, DateTime now, CancellationToken ct)
    {
        await using var content = open();
        var stored = await store.SaveAsync(content, ct);
        return new StoredFile
        {
            FileName = FileStore.NameFor(uploadedName, fallbackName, stored),
            ContentType = stored.ContentType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            CreatedAt = now,
        };
    }

    /// <summary>The file's bytes as a download, or 404 when the row or its bytes are gone.</summary>
    public static IResult Download(FileStore store, StoredFile? file) =>
        file is null || !File.Exists(store.PathOf(file.Sha256))
            ? Results.NotFound()
            : Results.File(File.OpenRead(store.PathOf(file.Sha256)), file.ContentType, file.FileName);
}
