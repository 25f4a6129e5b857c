import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DetailList } from "@/components/dashboard/detail-list";
import { PageHeader } from "@/components/dashboard/page-header";
import { roleLabel } from "@/components/dashboard/role";
import { AgentSettingsForm } from "@/components/settings/agent-settings-form";
import { CallingRulesForm } from "@/components/settings/calling-rules-form";
import { describeCallingHours } from "@/components/scheduling/calling-hours";
import { getAgentSettings } from "@/lib/organizations/get-agent-settings";
import { getCallingRules } from "@/lib/organizations/update-calling-rules";
import { requireTenant } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "Settings" };

function utcOffset(timeZone: string): string | undefined {
  return new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "longOffset" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value;
}

function displayName(type: "region" | "language", code: string): string | undefined {
  try {
    return new Intl.DisplayNames(["en"], { type }).of(code);
  } catch {
    return undefined;
  }
}

export default async function SettingsPage() {
  const { organization, role } = await requireTenant();
  const offset = utcOffset(organization.timezone);
  const country = displayName("region", organization.defaultCountry);
  const locale = displayName("language", organization.locale);
  const [agent, rules] = await Promise.all([getAgentSettings(organization.id), getCallingRules(organization.id)]);
  const canManage = can(role, "settings.manage");

  return (
    <>
      <PageHeader title="Settings" description={`How ${organization.name} is set up in Callboard.`} />
      <div className="space-y-6">
        <Card>
          <CardHeader className="pb-4">
            <CardTitle>Clinic</CardTitle>
            <CardDescription>Read-only for now.</CardDescription>
          </CardHeader>
          <div className="border-t border-zinc-100">
            <DetailList
              items={[
                { label: "Name", value: organization.name },
                { label: "Address", value: <code className="font-mono text-[13px]">{organization.slug}</code>, hint: "The clinic’s short name in links." },
                {
                  label: "Time zone",
                  value: (
                    <>
                      {organization.timezone.replaceAll("_", " ")} {offset ? <span className="text-zinc-500 tabular-nums">({offset.replace("GMT", "UTC")} now)</span> : null}
                    </>
                  ),
                  hint: "Calling hours, “today” and every time shown in Callboard use this zone.",
                },
                { label: "Country", value: country ? `${country} (${organization.defaultCountry})` : organization.defaultCountry, hint: "Used to read local phone numbers." },
                { label: "Locale", value: locale ? `${locale} (${organization.locale})` : organization.locale, hint: "How dates and times are spoken to patients." },
              ]}
            />
          </div>
        </Card>

        <Card>
          <CardHeader className="pb-4">
            <CardTitle>Voice agent</CardTitle>
            <CardDescription>
              The ElevenLabs agent and phone number every call uses unless staff change them for one call.
              {canManage ? null : " Only owners and admins can change them."}
            </CardDescription>
          </CardHeader>
          <div className="border-t border-zinc-100">
            {canManage ? (
              <AgentSettingsForm initial={agent} />
            ) : (
              <DetailList
                items={[
                  { label: "Agent ID", value: agent.elevenLabsAgentId ?? "Not set" },
                  { label: "Phone-number ID", value: agent.elevenLabsPhoneNumberId ?? "Not set" },
                ]}
              />
            )}
          </div>
        </Card>

        <Card>
          <CardHeader className="pb-4">
            <CardTitle>Calling hours and retries</CardTitle>
            <CardDescription>
              When scheduled calls may go out, in {organization.timezone.replaceAll("_", " ")} time, how far apart they start and how often one is tried again. Patients are also
              only ever called between 08:00 and 21:00 of their own time.
              {canManage ? null : " Only owners and admins can change these."}
            </CardDescription>
          </CardHeader>
          <div className="border-t border-zinc-100">
            {canManage ? (
              <CallingRulesForm initial={rules} timeZoneLabel={organization.timezone.replaceAll("_", " ")} />
            ) : (
              <DetailList
                items={[
                  { label: "Calling hours", value: describeCallingHours(rules) },
                  { label: "Minutes between calls", value: rules.staggerMinutes },
                  { label: "Attempts per call", value: rules.maxAttempts },
                  { label: "Calls at once", value: rules.concurrencyLimit },
                  { label: "Voicemail", value: rules.retryVoicemail ? "Tried again" : "Counts as done" },
                  { label: "Check on an unfinished call after", value: `${rules.staleCallMinutes} minutes` },
                ]}
              />
            )}
          </div>
        </Card>

        <Card>
          <CardHeader className="pb-5">
            <CardTitle>Your access</CardTitle>
            <CardDescription>
              You are <span className="font-medium text-zinc-800">{roleLabel(role)}</span> at {organization.name}.
            </CardDescription>
          </CardHeader>
        </Card>
      </div>
    </>
  );
}
