using Resolute.Domain.Text;

namespace Resolute.Tests.Domain.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Đảng", "dang")]
    [InlineData("Nghị quyết", "nghi quyet")]
    [InlineData("Hoàn Kiếm", "hoan kiem")]
    [InlineData("ĐƯỜNG LỐI", "duong loi")]
    [InlineData("Ứng Hòa", "ung hoa")]
    [InlineData("Thường   Tín\t", "thuong tin")]
    [InlineData("\u00D0\u00F0\u0189", "ddd")]
    public void Fold_RemovesTonesAndD(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_DecomposedInput_FoldsLikeComposed()
    {
        var decomposed = "Nghị quyết".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("nghi quyet", VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Comparer_SortsInVietnameseOrder()
    {
        string[] words = ["Đông Anh", "Dương Nội", "Ba Vì", "Ân Thi", "An Khánh", "Ô Diên", "Ơn", "Ong"];
        var sorted = words.OrderBy(w => w, VietnameseText.Comparer).ToArray();
        // a < ă < â … d < đ … o < ô < ơ
        Assert.Equal(["An Khánh", "Ân Thi", "Ba Vì", "Dương Nội", "Đông Anh", "Ong", "Ô Diên", "Ơn"], sorted);
    }

    [Theory]
    [InlineData("Hoàn Kiếm", "HOANKIEM")]
    [InlineData("Văn Miếu - Quốc Tử Giám", "VANMIEUQUOCTUGIAM")]
    [InlineData("Đống Đa", "DONGDA")]
    public void CodeFragment_IsAsciiUpper(string name, string code) =>
        Assert.Equal(code, VietnameseText.CodeFragment(name));
}
