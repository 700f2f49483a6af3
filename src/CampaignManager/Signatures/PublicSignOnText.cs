namespace CampaignManager.Signatures;

/// <summary>The public sign-on page's strings: PublicSignOnText.resx (English) and its .fr, .es and .ar translations.</summary>
public sealed class PublicSignOnText;
