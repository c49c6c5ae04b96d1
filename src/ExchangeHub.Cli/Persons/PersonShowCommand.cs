using System.CommandLine;
using System.Globalization;
using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Persons;

/// <summary>
/// <c>exchangehub person show --person-key KEY | --resident-id ID</c>: one person's benefit claims, transfers, skill
/// subsidies and clawbacks (PersonService.GetPersonRecord). The resident id is for the operator role only; the auditor
/// names persons by key.
/// </summary>
public static class PersonShowCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var key = new Option<string?>("--person-key") { Description = "the person's pseudonymous key, as events name persons" };
        var residentId = new Option<string?>("--resident-id") { Description = "the person's resident id (operator role only)" };
        var command = new Command("show", "Show a person's benefit claims, transfers and skill subsidies.");
        hub.AddTo(command);
        command.Options.Add(key);
        command.Options.Add(residentId);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(key) is null) == (result.GetValue(residentId) is null))
            {
                result.AddError("give exactly one of --person-key and --resident-id");
            }
        });
        command.SetAction((result, ct) => HubCall.RunAsync(console, hub.Read(result), async session =>
        {
            var request = result.GetValue(key) is { } k ? new GetPersonRecordRequest { PersonKey = k }
                : new GetPersonRecordRequest { ResidentId = result.GetValue(residentId)! };
            var reply = await new PersonService.PersonServiceClient(session.Channel).GetPersonRecordAsync(request, session.Call());
            Write(console, reply);
            return 0;
        }, ct));
        return command;
    }

    private static void Write(IAnsiConsole console, GetPersonRecordResponse person)
    {
        console.Write(new Text($"Person {person.PersonKey}\n"));
        if (person.Claims.Count + person.Transfers.Count + person.SkillSubsidies.Count + person.Clawbacks.Count == 0)
        {
            console.Write(new Text("The hub holds no claim, transfer or skill subsidy for this person.\n"));
            return;
        }
        if (person.Claims.Count > 0)
        {
            var claims = Tables.Create("claim", "applied", "due", "status", "overdue", "outcome", "benefit months", "carried over", "insured months", "channels")
                .Title("Benefit claims (2.(2), 2.(3))");
            foreach (var c in person.Claims)
            {
                var d = c.Decisions.FirstOrDefault(x => x.IsCurrent);
                claims.Row(c.ClaimId, c.AppliedDate, c.DueDate, ContractText.Name(c.Status), c.Overdue ? "yes" : "no",
                    d is null ? "" : ContractText.Name(d.Outcome), Number(d?.MaxMonths), Number(d?.CarriedOverMonths), Number(d?.ConsolidatedInsuredMonths),
                    string.Join(",", c.Channels.Select(ContractText.Name)));
            }
            console.Write(claims);
        }
        if (person.Transfers.Count > 0)
        {
            var transfers = Tables.Create("transfer", "direction", "counterpart", "status", "reason", "requested", "due", "months here", "fund (yuan)",
                "deadline missed").Title("Transfers (2.(4))");
            foreach (var t in person.Transfers)
            {
                transfers.Row(t.TransferId, ContractText.Name(t.Direction), t.CounterpartProvinceCode, ContractText.Name(t.Status),
                    t.ReasonCode == TransferReasonCode.Unspecified ? "" : ContractText.Name(t.ReasonCode), t.RequestedDate, t.DueDate,
                    t.MonthsPaidHere.ToString(CultureInfo.InvariantCulture), Yuan.Format(t.FundAmountFen), t.DeadlineMissed ? "yes" : "no");
            }
            console.Write(transfers);
        }
        if (person.SkillSubsidies.Count > 0)
        {
            var skills = Tables.Create("certificate", "occupation", "level", "outcome", "amount (yuan)", "decision date").Title("Skill-upgrade subsidies (1.(3))");
            foreach (var s in person.SkillSubsidies)
            {
                skills.Row(s.CertificateNumber, s.OccupationCode, s.Level.ToString(CultureInfo.InvariantCulture), ContractText.Name(s.Outcome),
                    Yuan.Format(s.AmountFen), s.DecisionDate);
            }
            console.Write(skills);
        }
        if (person.Clawbacks.Count > 0)
        {
            var clawbacks = Tables.Create("certificate", "recovered subsidy", "from", "amount (yuan)", "paid on").Title("Double subsidies recovered (1.(3))");
            foreach (var c in person.Clawbacks)
            {
                clawbacks.Row(c.CertificateNumber, ContractText.Name(c.RecoveredSubsidy), $"{ContractText.Name(c.RecipientKind)} {c.RecipientKey}", Yuan.Format(c.AmountFen), c.PaidOn);
            }
            console.Write(clawbacks);
        }
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>"TransferPeriodsOverlapUnresolved" → "TRANSFER_PERIODS_OVERLAP_UNRESOLVED", as the contract names it.</summary>
    private static string Name(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
