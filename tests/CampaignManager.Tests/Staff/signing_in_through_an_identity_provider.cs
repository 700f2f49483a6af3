using System.Security.Claims;
using CampaignManager.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;

namespace CampaignManager.Tests.Staff;

public class signing_in_through_an_identity_provider
{
    private static async Task<AuthenticationScheme?> OidcScheme(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication().AddOidcSignIn(configuration);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSignIn.Scheme);
    }

    [Fact]
    public async Task configuring_an_authority_registers_the_openid_connect_scheme()
    {
        (await OidcScheme(new() { ["Auth:Oidc:Authority"] = "https://id.example.org", ["Auth:Oidc:ClientId"] = "campaigns" }))
            .ShouldNotBeNull();
    }

    [Fact]
    public async Task without_an_authority_there_is_no_openid_connect_scheme()
    {
        (await OidcScheme(new())).ShouldBeNull();
    }

    [Fact]
    public void the_providers_role_claim_values_map_to_staff_roles_and_unmapped_ones_give_none()
    {
        var external = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("preferred_username", "ana@ngo.example"), new Claim("groups", "campaign-editors"), new Claim("groups", "finance")
        ], "oidc"));

        var mapped = OidcSignIn.MapPrincipal(external, "preferred_username", "groups",
            new Dictionary<string, StaffRole> { ["campaign-editors"] = StaffRole.Editor, ["it-admins"] = StaffRole.Admin });

        mapped.Identity!.Name.ShouldBe("ana@ngo.example");
        mapped.FindAll(ClaimTypes.Role).Select(c => c.Value).ShouldBe(["editor"]);
    }
}
