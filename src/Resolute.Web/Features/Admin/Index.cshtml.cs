using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Features.Organisations;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Admin;

/// <summary>Accounts whose roles lie in the administrator's scope; create an account with a role over a unit.</summary>
public sealed class IndexModel(ResoluteDbContext db, UserManager<User> users, TimeProvider clock) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Cần nhập tên đăng nhập."), RegularExpression(@"^[a-zA-Z0-9._@-]{3,50}$", ErrorMessage = "Tên đăng nhập gồm 3–50 chữ không dấu, số và các ký tự . _ @ -")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Cần nhập tên hiển thị."), StringLength(120, ErrorMessage = "Tên hiển thị không được dài quá {1} ký tự.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Cần nhập mật khẩu ban đầu.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Cần chọn vai trò.")]
        public ScopeRole? Role { get; set; }

        [Required(ErrorMessage = "Cần chọn đơn vị.")]
        public string? UnitCode { get; set; }

        /// <summary>The official this account belongs to: a full name that matches one person holding a post in the unit.</summary>
        [StringLength(120, ErrorMessage = "Họ và tên không được dài quá {1} ký tự.")]
        public string? PersonName { get; set; }
    }

    public sealed record Row(string UserName, string DisplayName, bool Disabled, bool TwoFactor, List<string> Grants);

    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => await ChangeAsync(ct, async user =>
    {
        user.IsDisabled = true;
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // A new security stamp ends the user's sessions and access tokens on every instance at once.
        await users.UpdateSecurityStampAsync(user);
        return T("Đã khóa tài khoản.");
    });

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => await ChangeAsync(ct, async user =>
    {
        user.IsDisabled = false;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // Re-enabling does not bring back what disabling ended: tokens and sessions made before stay ended.
        await users.UpdateSecurityStampAsync(user);
        return T("Đã mở khóa tài khoản.");
    });

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct) => await ChangeAsync(ct, async user =>
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, NewPassword ?? "");
        if (!result.Succeeded) throw new DomainException("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.SetLockoutEndDateAsync(user, null);
        return T("Đã đặt lại mật khẩu. Hãy báo mật khẩu mới cho người dùng qua kênh an toàn.");
    });

    /// <summary>An administrator may change an account only when every role it holds lies within their own scope.</summary>
    private async Task<IActionResult> ChangeAsync(CancellationToken ct, Func<User, Task<string>> change)
    {
        if (!db.Scope.HasAny(Permission.ManageUsers)) return StatusCode(StatusCodes.Status403Forbidden);
        var user = await users.FindByNameAsync(Target ?? "");
        if (user is null) return NotFound();
        var grantUnits = await db.RoleGrants.Where(g => g.UserId == user.Id).Select(g => g.OrganisationId).ToListAsync(ct);
        foreach (var unit in grantUnits)
            if (!await db.Scope.CanAsync(db, Permission.ManageUsers, unit, ct)) return NotFound();
        if (grantUnits.Count == 0 && !db.Scope.Unrestricted) return NotFound();
        try
        {
            var message = await change(user);
            await users.UpdateAsync(user);
            TempData["Message"] = message;
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToPage();
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<Row> Rows { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.ManageUsers)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.ManageUsers)) return StatusCode(StatusCodes.Status403Forbidden);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var unitId = (await UnitPicker.ResolveAsync(db, Input.UnitCode, "unitCode", ct))!.Value;
        if (!await db.Scope.CanAsync(db, Permission.ManageUsers, unitId, ct)) throw new ForbiddenException();
        Guid? personId = null;
        if (!string.IsNullOrWhiteSpace(Input.PersonName))
        {
            var name = Resolute.Domain.Text.VietnameseText.Normalize(Input.PersonName.Trim());
            var matches = await (from p in db.People
                                 join x in db.Positions on p.Id equals x.PersonId
                                 where p.FullName == name && db.OrganisationClosures.Any(c => c.AncestorId == unitId && c.DescendantId == x.OrganisationId)
                                 select p.Id).Distinct().ToListAsync(ct);
            if (matches.Count != 1)
                throw new DomainException("person", matches.Count == 0
                    ? $"Không có cán bộ tên {name} giữ chức vụ trong đơn vị này."
                    : $"Có {matches.Count} cán bộ cùng tên {name} trong đơn vị này; hãy chọn đơn vị cụ thể hơn.", "personName");
            personId = matches[0];
        }
        var user = new User { UserName = Input.UserName.Trim(), DisplayName = Input.DisplayName.Trim(), PersonId = personId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.Password" : "Input.UserName", e.Description);
            await LoadAsync(ct);
            return Page();
        }
        db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Input.Role!.Value, OrganisationId = unitId });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = T("Đã tạo tài khoản.");
        return RedirectToPage();
    }

    /// <summary>A refused new account shows the form again with the accounts list.</summary>
    public Task ReloadAsync(Exception error, CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var visibleUnits = db.Organisations.Select(o => o.Id);
        var grants = await (from g in db.RoleGrants.AsNoTracking()
                            join o in db.Organisations.AsNoTracking() on g.OrganisationId equals o.Id
                            select new { g.UserId, g.Role, o.ShortName }).ToListAsync(ct);
        var userIds = grants.Select(g => g.UserId).Distinct().ToArray();
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToListAsync(ct);
        Rows.AddRange(accounts.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => new Row(u.UserName ?? "", u.DisplayName, u.IsDisabled, u.TwoFactorEnabled,
            grants.Where(g => g.UserId == u.Id).Select(g => $"{T(g.Role.VietnameseName())} – {g.ShortName}").ToList())));
    }
}
