namespace CampaignManager.Staff;

/// <summary>What a staff member may do: viewers read, editors also change the campaign work, admins also manage staff.</summary>
public enum StaffRole
{
    Viewer,
    Editor,
    Admin
}

public static class StaffRoles
{
    /// <summary>The role claim value, as <c>ClaimTypes.Role</c> carries it and OpenID Connect role mapping produces it.</summary>
    public static string ClaimValue(this StaffRole role) => role.ToString().ToLowerInvariant();

    public static StaffRole? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "viewer" => StaffRole.Viewer,
        "editor" => StaffRole.Editor,
        "admin" => StaffRole.Admin,
        _ => null
    };

    public static readonly string[] Writers = [StaffRole.Editor.ClaimValue(), StaffRole.Admin.ClaimValue()];
    public static readonly string[] Anyone = [StaffRole.Viewer.ClaimValue(), .. Writers];
}
