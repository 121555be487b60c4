using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Reviews;
using Resolute.Tests.Infrastructure;
using Resolute.Web.Features.Reviews;

namespace Resolute.Tests.Features.Reviews;

/// <summary>A ward passes the city's outline on to its own bodies and takes their consolidated items into its report; outlines are reused as templates.</summary>
public class CascadeAndTemplateTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task Ward_CascadesToItsBodies_AndTakesTheirConsolidatedItemsIntoItsOwnReport()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var created = await office.PostAsJsonAsync("/api/reviews", new
        {
            ownerCode = "TU-HN",
            title = "Sơ kết phân tầng",
            subjectSymbol = "10-CTr/TU",
            periodFrom = "2025-07-01",
            periodTo = "2026-06-30",
            deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"),
            recipientCodes = new[] { "P-GIANGVO" },
            extraSections = "Công tác cán bộ",
            send = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var review = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var reportId = Guid.Parse(review.GetProperty("units")[0].GetProperty("reportId").GetString()!);
        var ward = await app.UnitIdAsync("P-GIANGVO");
        var bodies = await app.WithDbAsync((db, _) => db.Organisations.IgnoreQueryFilters().Where(o => o.ParentId == ward && o.ValidTo == null).Select(o => o.Id).ToListAsync());

        // A deadline later than the city's is refused.
        await app.WithDbAsync(async (db, _) =>
        {
            var late = await Assert.ThrowsAsync<Resolute.Domain.Common.DomainException>(() =>
                new CascadeCampaign(reportId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)), new CampaignInput { RecipientsAll = "children" }).HandleAsync(db, default));
            Assert.Equal("deadline-late", late.Code);
            return 0;
        });
        var child = await app.WithDbAsync(async (db, _) =>
            await new CascadeCampaign(reportId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), new CampaignInput { RecipientsAll = "children" }).HandleAsync(db, default));
        Assert.Equal(ward, child.OwnerId);
        Assert.Equal(bodies.Count, child.Reports.Count);
        Assert.Equal(7, child.Outline.Sections.Count); // the city's outline, extra section included
        var body = child.Reports[0];
        await app.WithDbAsync(async (db, sp) =>
        {
            var config = (Microsoft.Extensions.Configuration.IConfiguration)sp.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;
            await new SaveUnitReport(body.Id, null, [new(null, "results", "Mặt trận vận động nhân dân tham gia góp ý")], [], true).HandleAsync(db, config, default);
            db.ChangeTracker.Clear();
            var item = (await ReviewRules.LoadAsync(db, child.Id, default)).Reports.First(r => r.Id == body.Id).Items[0].Id;
            await new EditConsolidation(child.Id, null, "add", null, "results", "Các tổ chức trong hệ thống chính trị phường tham gia góp ý.", [item]).HandleAsync(db, default);
            return 0;
        });

        // The ward takes its consolidated item into its own draft to the city.
        var wardOffice = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "P-GIANGVO"));
        var import = await ResoluteFactory.PostFormAsync(wardOffice, $"/Reviews/Report/{reportId}?handler=Import", [], $"/Reviews/Report/{reportId}");
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        var items = await app.WithDbAsync((db, _) => db.ReportItems.Where(i => i.ReportId == reportId).Select(i => i.Text).ToListAsync());
        Assert.Contains("Các tổ chức trong hệ thống chính trị phường tham gia góp ý.", items);
    }

    [Fact]
    public async Task Outline_SavedAsATemplate_StartsTheNextCampaign()
    {
        var (campaign, template) = await app.WithDbAsync(async (db, _) =>
        {
            var c = await new SaveCampaign(null, null, new CampaignInput
            {
                OwnerCode = "TU-HN",
                Title = "Sơ kết mẫu",
                SubjectNote = "Chuyên đề dân vận",
                PeriodFrom = new(2025, 1, 1),
                PeriodTo = new(2025, 12, 31),
                Deadline = db.Today.AddDays(10),
                Sections = [ReviewOutline.Results, ReviewOutline.Lessons],
                ExtraSections = "Dân vận khéo",
                ReportedFigures = "Mô hình dân vận khéo | mô hình",
            }).HandleAsync(db, default);
            var t = await new SaveTemplate(c.Id, "Đề cương sơ kết dân vận " + Guid.NewGuid().ToString("N")[..4]).HandleAsync(db, default);
            var duplicate = await Assert.ThrowsAsync<Resolute.Domain.Common.DomainException>(() => new SaveTemplate(c.Id, t.Name).HandleAsync(db, default));
            Assert.Equal("template-duplicate", duplicate.Code);
            return (c, t);
        });
        // A ward's office sees the city's template and opens its own campaign from it.
        var next = await app.WithDbAsync(async (db, _) => await new SaveCampaign(null, null, new CampaignInput
        {
            OwnerCode = "TU-HN",
            Title = "Sơ kết mẫu lần hai",
            SubjectNote = "Chuyên đề dân vận",
            PeriodFrom = new(2026, 1, 1),
            PeriodTo = new(2026, 12, 31),
            Deadline = db.Today.AddDays(10),
            TemplateId = template.Id,
        }).HandleAsync(db, default));
        Assert.Equal(campaign.Outline.Sections.Select(s => s.Title), next.Outline.Sections.Select(s => s.Title));
        Assert.Contains(next.Outline.Figures, f => f.Name == "Mô hình dân vận khéo" && f.Unit == "mô hình");
        var page = await (await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "P-GIANGVO"))).GetStringAsync("/Reviews/Edit");
        Assert.Contains(template.Name, page);
    }
}
