namespace Resolute.Web.Features.Demo;

/// <summary>
/// Hà Nội after 1 Jul 2025: 126 communes and wards; the 30 district-level committees they replaced.
/// Names are real; every person in the demo is fictional.
/// </summary>
internal static class HanoiData
{
    public static readonly string[] Wards =
    [
        "Hoàn Kiếm", "Cửa Nam", "Ba Đình", "Ngọc Hà", "Giảng Võ", "Hai Bà Trưng", "Vĩnh Tuy", "Bạch Mai", "Đống Đa", "Kim Liên",
        "Văn Miếu - Quốc Tử Giám", "Láng", "Ô Chợ Dừa", "Hồng Hà", "Lĩnh Nam", "Hoàng Mai", "Vĩnh Hưng", "Tương Mai", "Định Công", "Hoàng Liệt",
        "Yên Sở", "Thanh Xuân", "Khương Đình", "Phương Liệt", "Cầu Giấy", "Nghĩa Đô", "Yên Hòa", "Tây Hồ", "Phú Thượng", "Tây Tựu", "Phú Diễn",
        "Xuân Đỉnh", "Đông Ngạc", "Thượng Cát", "Từ Liêm", "Xuân Phương", "Tây Mỗ", "Đại Mỗ", "Long Biên", "Bồ Đề", "Việt Hưng", "Phúc Lợi", "Hà Đông",
        "Dương Nội", "Yên Nghĩa", "Phú Lương", "Kiến Hưng", "Chương Mỹ", "Sơn Tây", "Tùng Thiện", "Thanh Liệt",
    ];

    public static readonly string[] Communes =
    [
        "Thanh Trì", "Đại Thanh", "Nam Phù", "Ngọc Hồi", "Thượng Phúc", "Thường Tín", "Chương Dương", "Hồng Vân", "Phú Xuyên",
        "Phượng Dực", "Chuyên Mỹ", "Đại Xuyên", "Thanh Oai", "Bình Minh", "Tam Hưng", "Dân Hòa", "Vân Đình", "Ứng Thiên", "Hòa Xá", "Ứng Hòa", "Mỹ Đức",
        "Hồng Sơn", "Phúc Sơn", "Hương Sơn", "Phú Nghĩa", "Xuân Mai", "Trần Phú", "Hòa Phú", "Quảng Bị", "Minh Châu", "Quảng Oai", "Vật Lại", "Cổ Đô",
        "Bất Bạt", "Suối Hai", "Ba Vì", "Yên Bài", "Đoài Phương", "Phúc Thọ", "Phúc Lộc", "Hát Môn", "Thạch Thất", "Hạ Bằng", "Tây Phương", "Hòa Lạc",
        "Yên Xuân", "Quốc Oai", "Hưng Đạo", "Kiều Phú", "Phú Cát", "Hoài Đức", "Dương Hòa", "Sơn Đồng", "An Khánh", "Đan Phượng", "Ô Diên", "Liên Minh",
        "Gia Lâm", "Thuận An", "Bát Tràng", "Phù Đổng", "Thư Lâm", "Đông Anh", "Phúc Thịnh", "Thiên Lộc", "Vĩnh Thanh", "Mê Linh", "Yên Lãng",
        "Tiến Thắng", "Quang Minh", "Sóc Sơn", "Đa Phúc", "Nội Bài", "Trung Giã", "Kim Anh",
    ];

    /// <summary>District-level committees abolished on 1 Jul 2025: (kind of committee, name, successor commune or ward).</summary>
    public static readonly (string Committee, string Name, string Successor)[] Districts =
    [
        ("Quận ủy", "Ba Đình", "Ba Đình"), ("Quận ủy", "Hoàn Kiếm", "Hoàn Kiếm"), ("Quận ủy", "Tây Hồ", "Tây Hồ"),
        ("Quận ủy", "Long Biên", "Long Biên"), ("Quận ủy", "Cầu Giấy", "Cầu Giấy"), ("Quận ủy", "Đống Đa", "Đống Đa"),
        ("Quận ủy", "Hai Bà Trưng", "Hai Bà Trưng"), ("Quận ủy", "Hoàng Mai", "Hoàng Mai"), ("Quận ủy", "Thanh Xuân", "Thanh Xuân"),
        ("Quận ủy", "Nam Từ Liêm", "Từ Liêm"), ("Quận ủy", "Bắc Từ Liêm", "Xuân Đỉnh"), ("Quận ủy", "Hà Đông", "Hà Đông"),
        ("Thị ủy", "Sơn Tây", "Sơn Tây"),
        ("Huyện ủy", "Ba Vì", "Ba Vì"), ("Huyện ủy", "Chương Mỹ", "Chương Mỹ"), ("Huyện ủy", "Đan Phượng", "Đan Phượng"),
        ("Huyện ủy", "Đông Anh", "Đông Anh"), ("Huyện ủy", "Gia Lâm", "Gia Lâm"), ("Huyện ủy", "Hoài Đức", "Hoài Đức"),
        ("Huyện ủy", "Mê Linh", "Mê Linh"), ("Huyện ủy", "Mỹ Đức", "Mỹ Đức"), ("Huyện ủy", "Phú Xuyên", "Phú Xuyên"),
        ("Huyện ủy", "Phúc Thọ", "Phúc Thọ"), ("Huyện ủy", "Quốc Oai", "Quốc Oai"), ("Huyện ủy", "Sóc Sơn", "Sóc Sơn"),
        ("Huyện ủy", "Thạch Thất", "Thạch Thất"), ("Huyện ủy", "Thanh Oai", "Thanh Oai"), ("Huyện ủy", "Thanh Trì", "Thanh Trì"),
        ("Huyện ủy", "Thường Tín", "Thường Tín"), ("Huyện ủy", "Ứng Hòa", "Ứng Hòa"),
    ];

    public static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Tạ"];
    public static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Thanh", "Quang", "Đức", "Thu", "Hải", "Ngọc", "Xuân", "Hồng", "Mạnh"];
    public static readonly string[] GivenNames = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Trang", "Trung", "Tú", "Tuấn", "Vân", "Yến"];
}
