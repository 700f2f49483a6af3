namespace CampaignManager.Hosting.Web;

/// <summary>The layouts' strings, through the same localization as the public page; staff pages speak English for now.</summary>
public sealed class LayoutText;
