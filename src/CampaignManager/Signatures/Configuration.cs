using CampaignManager.Hosting.Email;
using CampaignManager.Letters;
using Marten.Schema;

namespace CampaignManager.Signatures;

public static class Configuration
{
    public static IServiceCollection AddSignatures(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Inline and one document per signature stream: no two sign-ons ever write the same row.
            opts.Projections.Snapshot<Signature>(SnapshotLifecycle.Inline);
            // Plain columns, not JSON paths, so the block and its counts are read from one composite index:
            // "where letter_id = ? and status = 'Active' and (sort_key, id) > (?, ?) order by sort_key, id" walks it
            // in order and stops after a page, and the per-status counts scan only this letter's index entries
            // (signed_version is in the index so "needs re-confirmation" is counted without touching documents).
            opts.Policies.ForAllDocuments(mapping =>
            {
                if (mapping.DocumentType != typeof(Signature)) return;
                foreach (var member in (string[])[nameof(Signature.LetterId), nameof(Signature.Status), nameof(Signature.SortKey),
                             nameof(Signature.SignedVersion)])
                {
                    mapping.DuplicateField(member);
                }
                mapping.Indexes.Add(new DocumentIndex(mapping, "letter_id", "status", "sort_key", "id", "signed_version")
                    { Name = "mt_doc_signature_idx_letter_block" });
            });
            opts.Schema.For<SignerKey>().Identity(x => x.Id);
            opts.Schema.For<ReconfirmationLink>().Identity(x => x.Id);
            opts.Schema.For<SignerLink>().Identity(x => x.Id);
            // the expiry sweep looks for unconfirmed signatures by due moment every minute: an index, not a scan of all signatures
            opts.Schema.For<Signature>().Index(x => x.ConfirmEmailBy);
            // the letter's counts, kept by triggers on mt_doc_signature (see SignatureTally)
            opts.Storage.Add<SignatureTally>();
            SignerErasure.AddMaskingRules(opts);
        });
        services.ConfigureWolverine(opts =>
        {
            // Durable, as appeal deliveries are: a revision's emails survive a crash and go out after a restart.
            opts.LocalQueueFor<OpenLetterRevised>().UseDurableInbox();
            opts.LocalQueueFor<RequestReconfirmations>().UseDurableInbox();
            opts.LocalQueueFor<EmailReconfirmation>().UseDurableInbox().MaximumParallelMessages(EmailSender.Parallelism);
            opts.LocalQueueFor<EmailSigner>().UseDurableInbox().MaximumParallelMessages(EmailSender.Parallelism);
            opts.LocalQueueFor<ExpireSignatureConfirmation>().UseDurableInbox();
            opts.LocalQueueFor<MaskSignerData>().UseDurableInbox();
            opts.LocalQueueFor<EraseSignerEmail>().UseDurableInbox();
        });
        services.AddSingleton<ILetterSigners, LetterSigners>();
        services.InitializeMartenWith<SignatureSortKeysBackfill>();
        services.AddPublicSignOnLimits();
        SignOnSettings.AddSignOnSettings(services);
        services.AddScoped<PublicSigning>();
        return services;
    }
}
