namespace CampaignManager.Signatures;

/// <summary>The re-confirmation email's strings: ReconfirmationEmailText.resx (English) and its .fr, .es and .ar translations.</summary>
public sealed class ReconfirmationEmailText;
