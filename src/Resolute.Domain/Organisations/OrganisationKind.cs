namespace Resolute.Domain.Organisations;

/// <summary>Kinds of unit in the political system (GLOSSARY.md, "Organisations").</summary>
public enum OrganisationKind
{
    PartyCommittee = 1,
    ExecutiveCommittee = 2,
    StandingCommittee = 3,
    StandingOffice = 4,
    AdvisoryBody = 5,
    PartyCell = 6,
    PeoplesCommittee = 7,
    PeoplesCouncil = 8,
    FatherlandFront = 9,
    MassOrganisation = 10,
    Enterprise = 11,
    SteeringCommittee = 12,
    StateAgency = 13,
    OutsideBody = 14,
}

/// <summary>Administrative level of a unit; the district level ended on 1 Jul 2025 (RULES.md §6).</summary>
public enum OrganisationLevel
{
    Central = 1,
    Province = 2,
    District = 3,
    Commune = 4,
}
