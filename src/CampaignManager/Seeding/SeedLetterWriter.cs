using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Seeding;

/// <summary>A seeded letter lives through its real lifecycle: drafted, opened, signed in the document's order, closed, finalized.</summary>
internal record SeededLetter(Letter Letter, IReadOnlyList<SignatoryView> Block);

internal class SeedLetterWriter(string file, string place, IDocumentSession session, SeedWriter clock)
{
    public SeededLetter Write(SeedLetter seed)
    {
        SeedLoader.Require(file, place, DraftLetterEndpoint.Validate(seed.Draft));
        var letterId = SeedIds.For(file, "letter", seed.Key);
        var events = new List<object> { DraftLetterEndpoint.Decide(letterId, seed.Draft, SeedLoader.By, clock.At(seed.Date)) };
        var letter = Letter.Fold(events)!;
        letter = Append(events, OpenForSignaturesEndpoint.Decide(letter, new OpenForSignatures(),
            OpenForSignaturesEndpoint.NewPublicToken(), SeedLoader.By, clock.At(seed.Date)));

        var signed = new List<Guid>();
        var signatures = new List<Signature>();
        var keys = new HashSet<string>();
        foreach (var (s, i) in (seed.Signatories ?? []).Select((s, i) => (s, i)))
        {
            SeedLoader.Require(file, $"{place}.signatories[{i}]", AddSignatoryEndpoint.Validate(s));
            var signatureKeys = SignerIdentity.KeysFor(letterId, s.Kind!.Value, s.Name, s.Affiliation, s.Email);
            if (signatureKeys.Any(k => !keys.Add(k)))
                throw new SeedFileException(file, $"{place}.signatories[{i}]", $"'{s.Name}' is listed twice");
            var decision = Signing.Decide(letter, null, new SignLetter(letterId, s, SeedLoader.By), SeedIds.For(file, seed.Key, "signature", i.ToString()),
                clock.At(seed.Date));
            if (decision.Event is not SignatureAdded added)
                throw new SeedFileException(file, $"{place}.signatories[{i}]", decision.Outcome.Problem?.Detail ?? "refused");
            session.Events.StartStream<Signature>(added.SignatureId, added);
            foreach (var key in signatureKeys) session.Insert(new SignerKey(key, added.SignatureId));
            signed.Add(added.SignatureId);
            signatures.Add(Signature.Create(added));
        }

        if (seed.SignatoryOrder == "asListed" && signed.Count > 0)
            letter = Append(events, SetSignatoryOrderEndpoint.Decide(letter, new SetSignatoryOrder(signed), SeedLoader.By, clock.At(seed.Date)));
        if (seed.Status is LetterStatus.Closed or LetterStatus.Final)
            letter = Append(events, CloseSignaturesEndpoint.Decide(letter, SeedLoader.By, clock.At(seed.Date)));
        if (seed.Status is LetterStatus.Final)
            letter = Append(events, FinalizeLetterEndpoint.Decide(letter,
                // a seed records what happened: anyone who signed an earlier text is kept, marked with that version
                new FinalizeLetter(UnconfirmedSigners.Keep), signatures, SeedLoader.By, clock.At(seed.Date)).LetterEvents.Single());

        session.Events.StartStream<Letter>(letterId, events.ToArray());
        clock.CountWritten();
        return new SeededLetter(letter, LetterDetails.Build(letter, signatures).Signatories);
    }

    // the next decision needs the letter as the events so far leave it
    private static Letter Append(List<object> events, object e)
    {
        events.Add(e);
        return Letter.Fold(events)!;
    }
}
