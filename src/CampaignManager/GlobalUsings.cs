// Every slice imports the same framework namespaces (Marten for sessions, Wolverine for endpoints and
// aggregate handling, MVC for ProblemDetails, Razor Pages for page models), so listing them per file only
// repeats. Capability namespaces (CampaignManager.Letters, .Signatures, ...) stay per file on purpose:
// those using lines are how a reader, and Hosting/capabilities_depend_one_way, sees which capability
// depends on which.
global using CampaignManager.Hosting;
global using JasperFx.Events;
global using JasperFx.Events.Projections;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.Extensions.Options;
global using Wolverine;
global using Wolverine.Http;
global using Wolverine.Marten;

// JasperFx.Events and Wolverine.Marten both name a ConcurrencyStyle; ours is always Wolverine's, for [WriteAggregate].
global using ConcurrencyStyle = Wolverine.Marten.ConcurrencyStyle;
