import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DetailList } from "@/components/dashboard/detail-list";
import { PageHeader } from "@/components/dashboard/page-header";
import { roleLabel } from "@/components/dashboard/role";
import { AgentSettingsForm } from "@/components/settings/agent-settings-form";
import { CallingRulesForm } from "@/components/settings/calling-rules-form";
import { OpeningHoursForm } from "@/components/settings/opening-hours-form";
import { DefaultLanguageForm } from "@/components/settings/default-language-form";
import { getDefaultLanguage } from "@/lib/organizations/update-default-language";
import { languageLabel } from "@/lib/language/supported-languages";
import { getOpeningHours } from "@/lib/organizations/update-opening-hours";
import { describeCallingHours } from "@/components/scheduling/calling-hours";
import { getAgentSettings } from "@/lib/organizations/get-agent-settings";
import { getCallingRules } from "@/lib/organizations/update-calling-rules";
import { requireTenant } from "@/app/_lib/tenant";
import { MembersCard } from "@/components/settings/members-card";
import { AgentsCard } from "@/components/settings/agents-card";
import { ConfigurationCheck } from "@/components/settings/configuration-check";
import { AuditLog } from "@/components/settings/audit-log";
import { listMembers } from "@/lib/organizations/members/list-members";
import { listAgents } from "@/lib/agents/list-agents";
import { listPhoneNumbers } from "@/lib/phone-numbers/list-phone-numbers";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import { PhoneNumbersCard } from "@/components/settings/phone-numbers-card";
import { ConversationInitSetup } from "@/components/settings/conversation-init-setup";
import { buildServerToolConfig } from "@/lib/agents/server-tool-config";
import { AUDIT_ACTIONS, listAuditEvents, listAuditEventsQuerySchema } from "@/lib/compliance/list-audit-events";
import { SettingsNav } from "@/components/settings/settings-nav";
import { headers } from "next/headers";
import { listDoNotCall } from "@/lib/compliance/do-not-call/list-do-not-call";
import { complianceStatus } from "@/lib/compliance/compliance-status";
import { CompliancePanel } from "@/components/settings/compliance-panel";
import { DoNotCallCard } from "@/components/settings/do-not-call-card";
import { toDoNotCallRow } from "@/components/settings/do-not-call-row";
import { PageOrganization } from "@/components/dashboard/page-organization";

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

/** The public origin for the tool URLs, as the proxy reports it (NEXTAUTH_URL wins when set). */
async function siteOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.trim().replace(/\/+$/, "");
  if (configured) return configured;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { organization, role, user } = await requireTenant();
  const search = await searchParams;
  const offset = utcOffset(organization.timezone);
  const zone = { timeZone: organization.timezone, locale: organization.locale };
  const country = displayName("region", organization.defaultCountry);
  const locale = displayName("language", organization.locale);
  const [agent, rules, openingHours, language] = await Promise.all([
    getAgentSettings(organization.id),
    getCallingRules(organization.id),
    getOpeningHours(organization.id),
    getDefaultLanguage(organization.id),
  ]);
  const canManage = can(role, "settings.manage");
  const canManageMembers = can(role, "members.manage");
  const canManageAgents = can(role, "agents.manage");
  const canReadAudit = can(role, "audit.read");
  const { members, invitations } = await listMembers(organization.id);
  const doNotCall = can(role, "doNotCall.read") ? await listDoNotCall(organization.id, { limit: 50 }) : null;
  const compliance = await complianceStatus(organization.id);
  // Everyone sees which agent and number are the defaults; admins see the lists to manage them.
  const [agents, phoneNumbers] = await Promise.all([listAgents(organization.id), listPhoneNumbers(organization.id)]);
  const agentOptions = agents.map((a) => ({ value: a.agentId, label: a.name, detail: a.agentId }));
  const shownNumber = (n: { e164: string | null }) => (n.e164 ? formatPhoneForDisplay(n.e164, organization.defaultCountry) : null);
  const numberOptions = phoneNumbers.map((n) => ({ value: n.phoneNumberId, label: n.label, detail: shownNumber(n) ?? n.phoneNumberId }));
  const nameOf = (options: { value: string; label: string; detail: string }[], value: string | null) => {
    if (!value) return "No default";
    const option = options.find((o) => o.value === value);
    return option ? `${option.label} (${option.detail})` : `${value} (no longer registered)`;
  };
  const origin = canManageAgents ? await siteOrigin() : "";
  // A bad filter in the URL shows the whole log rather than an error page.
  const auditQuery = listAuditEventsQuerySchema.safeParse({
    action: search.action || undefined,
    actorUserId: search.actor || undefined,
    cursor: search.cursor || undefined,
  });
  const audit = canReadAudit
    ? await listAuditEvents(organization.id, auditQuery.success ? auditQuery.data : { limit: 50 }).catch(() => listAuditEvents(organization.id, { limit: 50 }))
    : null;
  const filter = auditQuery.success ? { action: auditQuery.data.action, actorUserId: auditQuery.data.actorUserId } : {};
  const nextHref = audit?.nextCursor
    ? `/settings?${new URLSearchParams({ ...(filter.action ? { action: filter.action } : {}), ...(filter.actorUserId ? { actor: filter.actorUserId } : {}), cursor: audit.nextCursor })}#audit-log`
    : null;
  // The table of contents: the cards this person sees, in page order (ids match the cards below).
  const sections = [
    { id: "clinic", label: "Clinic" },
    { id: "patient-language", label: "Patient language" },
    { id: "voice-agent", label: "Voice agent" },
    { id: "calling-hours", label: "Calling hours" },
    { id: "opening-hours", label: "Opening hours" },
    { id: "compliance", label: "Compliance" },
    ...(doNotCall ? [{ id: "do-not-call", label: "Do-not-call list" }] : []),
    { id: "members", label: "Members" },
    ...(canManageAgents
      ? [
          { id: "agents-and-numbers", label: "Agents and numbers" },
          { id: "setup-check", label: "Setup check" },
        ]
      : []),
    ...(audit ? [{ id: "audit-log", label: "Audit log" }] : []),
    { id: "your-access", label: "Your access" },
  ];

  return (
    <>
      <PageOrganization id={organization.id} />
      <PageHeader title="Settings" description={`How ${organization.name} is set up in Callboard.`} />
      {/* Keyed by clinic: switching clinic re-mounts the forms, which would otherwise keep the last clinic's values (and their version) and save them into this one. */}
      <div key={organization.id} className="grid grid-cols-1 gap-6 lg:grid-cols-[12rem_minmax(0,1fr)]">
        <SettingsNav sections={sections} />
        <div className="space-y-6">
          <Card id="clinic" className="scroll-mt-6">
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
                        {organization.timezone.replaceAll("_", " ")}{" "}
                        {offset ? <span className="text-zinc-500 tabular-nums">({offset.replace("GMT", "UTC")} now)</span> : null}
                      </>
                    ),
                    hint: "Calling hours, “today” and every time shown in Callboard use this zone.",
                  },
                  {
                    label: "Country",
                    value: country ? `${country} (${organization.defaultCountry})` : organization.defaultCountry,
                    hint: "Used to read local phone numbers.",
                  },
                  {
                    label: "Locale",
                    value: locale ? `${locale} (${organization.locale})` : organization.locale,
                    hint: "How dates and times are spoken to patients.",
                  },
                ]}
              />
            </div>
          </Card>

          <Card id="patient-language" className="scroll-mt-6">
            <CardHeader className="pb-4">
              <CardTitle>Patient language</CardTitle>
              <CardDescription>
                The language the voice agent greets patients in and says dates and times in, unless a contact has a language of its own. For another language
                than the agent&apos;s own, allow the language override in ElevenLabs → the agent → Security and add the language to the agent.
                {canManage ? null : " Only owners and admins can change it."}
              </CardDescription>
            </CardHeader>
            <div className="border-t border-zinc-100">
              {canManage ? (
                <DefaultLanguageForm initial={language} clinicName={organization.name} />
              ) : (
                <DetailList
                  items={[{ label: "Default patient language", value: `${languageLabel(language.defaultLanguage)} (${language.defaultLanguage})` }]}
                />
              )}
            </div>
          </Card>

          <Card id="voice-agent" className="scroll-mt-6">
            <CardHeader className="pb-4">
              <CardTitle>Voice agent</CardTitle>
              <CardDescription>
                The agent and phone number every call uses unless staff choose another of the clinic&apos;s own for one call.
                {canManage ? null : " Only owners and admins can change them."}
              </CardDescription>
            </CardHeader>
            <div className="border-t border-zinc-100">
              {canManage ? (
                <AgentSettingsForm initial={agent} agents={agentOptions} phoneNumbers={numberOptions} clinicName={organization.name} />
              ) : (
                <DetailList
                  items={[
                    { label: "Default agent", value: nameOf(agentOptions, agent.elevenLabsAgentId) },
                    { label: "Default phone number", value: nameOf(numberOptions, agent.elevenLabsPhoneNumberId) },
                  ]}
                />
              )}
            </div>
          </Card>

          <Card id="calling-hours" className="scroll-mt-6">
            <CardHeader className="pb-4">
              <CardTitle>Calling hours and retries</CardTitle>
              <CardDescription>
                When scheduled calls may go out, in {organization.timezone.replaceAll("_", " ")} time, how far apart they start and how often one is tried
                again. Patients are also only ever called between 08:00 and 21:00 of their own time (08:00–20:00 on Florida and Oklahoma numbers, which also get
                at most 3 calls in 24 hours), and no more often than the limits below.
                {canManage ? null : " Only owners and admins can change these."}
              </CardDescription>
            </CardHeader>
            <div className="border-t border-zinc-100">
              {canManage ? (
                <CallingRulesForm initial={rules} timeZoneLabel={organization.timezone.replaceAll("_", " ")} clinicName={organization.name} />
              ) : (
                <DetailList
                  items={[
                    { label: "Calling hours", value: describeCallingHours(rules) },
                    { label: "Minutes between calls", value: rules.staggerMinutes },
                    { label: "Attempts per call", value: rules.maxAttempts },
                    { label: "Calls at once", value: rules.concurrencyLimit },
                    { label: "Voicemail", value: rules.retryVoicemail ? "Tried again" : "Counts as done" },
                    { label: "Check on an unfinished call after", value: `${rules.staleCallMinutes} minutes` },
                    { label: "Calls per patient", value: `at most ${rules.maxCallsPerDay} a day and ${rules.maxCallsPerWeek} in 7 days` },
                    { label: "Transcripts kept", value: `${rules.transcriptRetentionDays} days` },
                    { label: "A call over the limit", value: rules.overCapAction === "SKIP" ? "Is not placed" : "Moves to the next allowed time" },
                  ]}
                />
              )}
            </div>
          </Card>

          <Card id="opening-hours" className="scroll-mt-6">
            <CardHeader className="pb-4">
              <CardTitle>Opening hours and appointments</CardTitle>
              <CardDescription>
                When patients can be booked, in {organization.timezone.replaceAll("_", " ")} time — by staff on Appointments and by the voice agent during calls
                — and the length of one slot.
                {canManage ? null : " Only owners and admins can change opening hours."}
              </CardDescription>
            </CardHeader>
            <div className="border-t border-zinc-100">
              {canManage ? (
                <OpeningHoursForm initial={openingHours} timeZoneLabel={organization.timezone.replaceAll("_", " ")} clinicName={organization.name} />
              ) : (
                <DetailList
                  items={[
                    {
                      label: "Opening hours",
                      value: openingHours.openingHours.length
                        ? openingHours.openingHours.map((d) => `${["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.day - 1]} ${d.start}–${d.end}`).join(", ")
                        : "Closed every day",
                    },
                    { label: "Slot length", value: `${openingHours.appointmentSlotMinutes} minutes` },
                  ]}
                />
              )}
            </div>
          </Card>

          <Card id="compliance" className="scroll-mt-6">
            <CardHeader className="pb-4">
              <CardTitle>Compliance</CardTitle>
              <CardDescription>What protects patients and the clinic when the AI voice calls, each rule on or off.</CardDescription>
            </CardHeader>
            <div className="border-t border-zinc-100">
              <CompliancePanel lines={compliance} />
            </div>
          </Card>

          {doNotCall ? (
            <Card id="do-not-call" className="scroll-mt-6">
              <CardHeader className="pb-4">
                <CardTitle>Do-not-call list</CardTitle>
                <CardDescription>
                  Numbers Callboard never calls — contacts or not. A patient who asks not to be called is added at once: by staff here or on the contact, by the
                  agent during the call, or from what the patient said when the call is over. Calls already scheduled to a listed number are cancelled instead
                  of dialed.
                  {can(role, "doNotCall.remove") ? null : " Only owners and admins can take a number off."}
                </CardDescription>
              </CardHeader>
              <div className="border-t border-zinc-100">
                <DoNotCallCard
                  initial={doNotCall.entries.map((entry) => toDoNotCallRow(entry, organization))}
                  nextCursor={doNotCall.nextCursor}
                  canRemove={can(role, "doNotCall.remove")}
                  clinic={{ defaultCountry: organization.defaultCountry, timezone: organization.timezone }}
                />
              </div>
            </Card>
          ) : null}

          <Card id="members" className="scroll-mt-6">
            <CardHeader className="pb-4">
              <CardTitle>Members</CardTitle>
              <CardDescription>
                Owners and admins change settings and manage members; staff place and schedule calls. Only owners can make or remove an owner, and there is
                always at least one.
              </CardDescription>
            </CardHeader>
            <div className="border-t border-zinc-100">
              <MembersCard
                members={members}
                invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
                currentUserId={user.id}
                role={role}
                canManage={canManageMembers}
                zone={zone}
              />
            </div>
          </Card>

          {canManageAgents ? (
            <>
              <Card id="agents-and-numbers" className="scroll-mt-6">
                <CardHeader className="pb-4">
                  <CardTitle>Agents and phone numbers</CardTitle>
                  <CardDescription>
                    The ElevenLabs agents and numbers this clinic owns; calls use only these. Each agent that checks or books appointments during a call gets
                    its own token, sent as the X-Agent-Token header; a token works for its own agent only.
                  </CardDescription>
                </CardHeader>
                <div className="space-y-6 divide-y divide-zinc-100 border-t border-zinc-100 px-5 py-4 [&>*:not(:first-child)]:pt-6">
                  <AgentsCard
                    agents={agents.map((a) => ({ ...a, tokenCreatedAt: a.tokenCreatedAt?.toISOString() ?? null }))}
                    defaultAgentId={agent.elevenLabsAgentId}
                    placeholderConfig={buildServerToolConfig(origin, agents[0]?.agentId ?? "{agent_id}")}
                    zone={zone}
                  />
                  <PhoneNumbersCard
                    numbers={phoneNumbers.map((n) => ({ id: n.id, phoneNumberId: n.phoneNumberId, number: shownNumber(n), label: n.label }))}
                    defaultPhoneNumberId={agent.elevenLabsPhoneNumberId}
                  />
                  <ConversationInitSetup origin={origin} />
                </div>
              </Card>

              <Card id="setup-check" className="scroll-mt-6">
                <CardHeader className="pb-4">
                  <CardTitle>Check the setup</CardTitle>
                  <CardDescription>Asks ElevenLabs whether the agent and phone number exist and says in plain words what is still missing.</CardDescription>
                </CardHeader>
                <div className="border-t border-zinc-100">
                  <ConfigurationCheck />
                </div>
              </Card>
            </>
          ) : null}

          {audit ? (
            <Card id="audit-log" className="scroll-mt-6">
              <CardHeader className="pb-4">
                <CardTitle>Audit log</CardTitle>
                <CardDescription>
                  Who changed what and when: settings, members, invitations, tokens and transcript views. Entries cannot be edited or deleted.
                </CardDescription>
              </CardHeader>
              <div className="border-t border-zinc-100">
                <AuditLog
                  events={audit.events}
                  actions={AUDIT_ACTIONS}
                  actors={members.map((m) => ({ userId: m.userId, email: m.email }))}
                  filter={filter}
                  nextHref={nextHref}
                  timeZone={organization.timezone}
                />
              </div>
            </Card>
          ) : null}

          <Card id="your-access" className="scroll-mt-6">
            <CardHeader className="pb-5">
              <CardTitle>Your access</CardTitle>
              <CardDescription>
                You are <span className="font-medium text-zinc-800">{roleLabel(role)}</span> at {organization.name}.
              </CardDescription>
            </CardHeader>
          </Card>
        </div>
      </div>
    </>
  );
}
