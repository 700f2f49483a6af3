namespace CampaignManager.Letters;

/// <summary>What the shared text form needs: the text to start from (none for a new letter) and where it posts.</summary>
public record LetterTextForm(LetterText? Text, string PostUrl, string SubmitLabel, int? BasedOnVersion = null);
