using Resolute.Domain.Common;

namespace Resolute.Domain.Organisations;

/// <summary>A committee's term of office (nhiệm kỳ), e.g. 2025–2030. Party document numbers restart each term.</summary>
public sealed class Term
{
    private Term() { }

    public Term(Guid organisationId, string name, DateOnly startsOn, DateOnly? endsOn)
    {
        if (endsOn is { } e && e < startsOn)
            throw new DomainException("end-before-start", "Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu.");
        Id = Ids.New();
        OrganisationId = organisationId;
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("required", "Tên nhiệm kỳ không được để trống.") : name.Trim();
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
}
