// Every slice imports the same framework namespaces (Marten for sessions, Wolverine for endpoints and
// aggregate handling, MVC for ProblemDetails, Razor Pages for page models), so listing them per file only
// repeats. Here: each framework or BCL namespace five or more files imported, except
// Microsoft.AspNetCore.Identity, whose StoreOptions would clash with Marten's. Capability namespaces (CampaignManager.Letters, .Signatures, ...) stay per file on purpose:
// those using lines are how a reader, and Hosting/capabilities_depend_one_way, sees which capability
// depends on which.
global using CampaignManager.Hosting;
global using JasperFx.Events;
global using JasperFx.Events.Projections;
global using Marten;
global using Microsoft.AspNetCore.Authentication;
global using Microsoft.AspNetCore.Authentication.Cookies;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.Extensions.Diagnostics.HealthChecks;
global using Microsoft.Extensions.Options;
global using MimeKit;
global using System.Globalization;
global using System.Reflection;
global using System.Security.Claims;
global using System.Security.Cryptography;
global using System.Text;
global using System.Text.Json;
global using Wolverine;
global using Wolverine.Http;
global using Wolverine.Marten;

// JasperFx.Events and Wolverine.Marten both name a ConcurrencyStyle; ours is always Wolverine's, for [WriteAggregate].
global using ConcurrencyStyle = Wolverine.Marten.ConcurrencyStyle;
