namespace Resolute.Domain.Documents;

/// <summary>Party documents (Quy định 399-QĐ/TW) or state documents (Nghị định 30/2020/NĐ-CP): numbered differently.</summary>
public enum DocumentSystem { Party = 1, State = 2 }

/// <summary>Secrecy levels of Luật Bảo vệ bí mật nhà nước (RULES.md §5): Mật, Tối mật, Tuyệt mật.</summary>
public enum Secrecy { None = 0, Confidential = 1, Secret = 2, TopSecret = 3 }

/// <summary>Urgency: Khẩn, Thượng khẩn, Hỏa tốc.</summary>
public enum Urgency { Normal = 0, Urgent = 1, VeryUrgent = 2, Flash = 3 }

/// <summary>Whether a document still applies.</summary>
public enum DocumentStatus { InForce = 1, Replaced = 2, Expired = 3 }

/// <summary>How one document stands to another (the lineage from a Central resolution down to a ward plan).</summary>
public enum RelationKind { Implements = 1, Guides = 2, Amends = 3, Replaces = 4, ReportsOn = 5, Concludes = 6 }
