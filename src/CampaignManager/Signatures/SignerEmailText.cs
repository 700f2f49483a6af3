namespace CampaignManager.Signatures;

/// <summary>The strings of the email a public signer receives on signing: SignerEmailText.resx (English) and its .fr, .es and .ar translations.</summary>
public sealed class SignerEmailText;
