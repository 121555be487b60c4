using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Resolute.Web.Infrastructure.Docx;

/// <summary>Page margins in millimetres (RULES.md §4: sources differ, so they are a setting, <c>Documents:Margins</c>).</summary>
public sealed class PageMargins
{
    public int TopMm { get; set; } = 20;
    public int BottomMm { get; set; } = 20;
    public int LeftMm { get; set; } = 30;
    public int RightMm { get; set; } = 15;

    /// <summary>The configured margins (<c>Documents:Margins</c>), or the defaults.</summary>
    public static PageMargins From(IConfiguration config) => config.GetSection("Documents:Margins").Get<PageMargins>() ?? new();
}

/// <summary>
/// A Party document in the official layout (RULES.md §4): the issuing body top left with "*" below it, "ĐẢNG CỘNG SẢN
/// VIỆT NAM" top right with a rule under it, the number and symbol, place and date, the title or "V/v" line, the
/// addressees, the body, the signature block and the recipients. A4, Times New Roman 14.
/// </summary>
public sealed class OfficialDocument
{
    /// <summary>The line above the issuing body, when it has one (see <see cref="Domain.Documents.OfficialHeader.IssuingBody"/>).</summary>
    public string? ParentBody { get; init; }
    public required string IssuingBody { get; init; }
    public required string NumberAndSymbol { get; init; }
    public required string Place { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>A letter's subject line ("V/v …"), under the number.</summary>
    public string? Subject { get; init; }
    /// <summary>A document's title (BÁO CÁO …), centred; letters have none.</summary>
    public string? Title { get; init; }
    /// <summary>What the title is about, under it in bold as written ("Tổng kết 15 năm thực hiện …").</summary>
    public string? Subtitle { get; init; }
    public IReadOnlyList<string> Addressees { get; init; } = [];
    public List<Block> Body { get; } = [];
    public required string SignatureCapacity { get; init; }
    public string? SignatureTitle { get; init; }
    public string? Signer { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public PageMargins Margins { get; init; } = new();

    public abstract record Block;
    public sealed record Paragraph(string Text, bool Bold = false, bool Italic = false) : Block;
    public sealed record Heading(string Text) : Block;
    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int> WidthsPercent) : Block;

    private const string Font = "Times New Roman";
    private const int Size = 28; // half-points: 14 pt

    private static readonly string[] Romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
        "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX"];

    /// <summary>A part's number as official documents write it: I, II, III… (a plain number past XXX).</summary>
    public static string Roman(int n) => n >= 1 && n <= Romans.Length ? Romans[n - 1] : n.ToString();

    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);

            // Header: two columns without borders.
            var header = new DocumentFormat.OpenXml.Wordprocessing.Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, NoBorders()));
            header.Append(Row(
                Cell(2200, [.. ParentBody is null ? Array.Empty<DocumentFormat.OpenXml.Wordprocessing.Paragraph>() : [P(ParentBody.ToUpperInvariant(), center: true, size: 26)],
                    P(IssuingBody.ToUpperInvariant(), bold: true, center: true, size: 26), P("*", center: true)]),
                Cell(2800, P("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, center: true, underline: true, size: 28))));
            header.Append(Row(
                Cell(2200, [P($"Số {NumberAndSymbol}", center: true, size: 26), .. Subject is null ? Array.Empty<DocumentFormat.OpenXml.Wordprocessing.Paragraph>() : [P(Subject, italic: false, center: true, size: 24)]]),
                Cell(2800, P($"{Place}, {Domain.Documents.OfficialHeader.WrittenDate(Date)}", italic: true, right: true, size: 28))));
            body.Append(header);
            body.Append(P(""));
            if (Title is not null)
            {
                foreach (var line in Title.Split('\n')) body.Append(P(line.ToUpperInvariant(), bold: true, center: true));
                if (Subtitle is not null) body.Append(P(Subtitle, bold: true, center: true));
                body.Append(P("-----", center: true));
            }
            if (Addressees.Count > 0)
            {
                if (Addressees.Count == 1) body.Append(P($"Kính gửi: {Addressees[0]}", center: true));
                else
                {
                    body.Append(P("Kính gửi:", center: true));
                    foreach (var a in Addressees) body.Append(P($"- {a},", center: true));
                }
                body.Append(P(""));
            }
            foreach (var block in Body)
            {
                switch (block)
                {
                    case Heading h: body.Append(P(h.Text, bold: true, justify: true, indent: true)); break;
                    case Paragraph p: body.Append(P(p.Text, bold: p.Bold, italic: p.Italic, justify: true, indent: true)); break;
                    case Table t: body.Append(DataTable(t, (int)((210 - Margins.LeftMm - Margins.RightMm) * 56.7))); body.Append(P("")); break;
                }
            }
            body.Append(P(""));
            // Recipients on the left, signature on the right.
            var footer = new DocumentFormat.OpenXml.Wordprocessing.Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, NoBorders()));
            var recipients = new List<DocumentFormat.OpenXml.Wordprocessing.Paragraph> { P("Nơi nhận:", bold: true, italic: true, size: 24) };
            recipients.AddRange(Recipients.Select((r, i) => P($"- {r}{(i == Recipients.Count - 1 ? "." : ",")}", size: 22)));
            var signature = new List<DocumentFormat.OpenXml.Wordprocessing.Paragraph> { P(SignatureCapacity.ToUpperInvariant(), bold: true, center: true) };
            if (SignatureTitle is not null) signature.Add(P(SignatureTitle.ToUpperInvariant(), bold: true, center: true));
            signature.AddRange([P("", center: true), P("", center: true), P("", center: true)]);
            if (Signer is not null) signature.Add(P(Signer, bold: true, center: true));
            footer.Append(Row(Cell(2500, [.. recipients]), Cell(2500, [.. signature])));
            body.Append(footer);

            const double twipsPerMm = 1440 / 25.4;
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin
                {
                    Top = (int)(Margins.TopMm * twipsPerMm),
                    Bottom = (int)(Margins.BottomMm * twipsPerMm),
                    Left = (uint)(Margins.LeftMm * twipsPerMm),
                    Right = (uint)(Margins.RightMm * twipsPerMm),
                    Header = 720,
                    Footer = 720,
                    Gutter = 0,
                }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = Size.ToString() }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "60", Line = "288", LineRule = LineSpacingRuleValues.Auto })));
        styles.Styles.Save();
    }

    private static TableBorders NoBorders() => new(
        new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
        new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(int widthPct50, params DocumentFormat.OpenXml.Wordprocessing.Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widthPct50.ToString(), Type = TableWidthUnitValues.Pct }));
        cell.Append(paragraphs.Length == 0 ? [P("")] : paragraphs);
        return cell;
    }

    /// <summary>A bordered table; its grid gives the columns their widths in twips, which LibreOffice needs (it ignores cell percentages without it).</summary>
    private static DocumentFormat.OpenXml.Wordprocessing.Table DataTable(Table t, int contentTwips)
    {
        var single = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, single(), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(t.WidthsPercent.Select(w => new GridColumn { Width = (contentTwips * w / 100).ToString() })));
        TableCell C(string text, int i, bool bold) =>
            new(new TableCellProperties(new TableCellWidth { Width = (t.WidthsPercent[i] * 50).ToString(), Type = TableWidthUnitValues.Pct }),
                P(text, bold: bold, center: bold, size: 24));
        table.Append(new TableRow(t.Header.Select((h, i) => C(h, i, true))));
        foreach (var r in t.Rows) table.Append(new TableRow(r.Select((v, i) => C(v, i, false))));
        return table;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph P(string text, bool bold = false, bool italic = false, bool center = false,
        bool right = false, bool justify = false, bool underline = false, bool indent = false, int size = Size)
    {
        // Children in the order the schema requires: ind before jc; b, i, sz before u.
        var props = new ParagraphProperties();
        if (indent) props.Append(new Indentation { FirstLine = "567" });
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        else if (right) props.Append(new Justification { Val = JustificationValues.Right });
        else if (justify) props.Append(new Justification { Val = JustificationValues.Both });
        var runProps = new RunProperties();
        if (bold) runProps.Append(new Bold());
        if (italic) runProps.Append(new Italic());
        if (size != Size) runProps.Append(new FontSize { Val = size.ToString() });
        if (underline) runProps.Append(new Underline { Val = UnderlineValues.Single });
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
