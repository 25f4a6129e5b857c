import { isOpenCall } from "@/lib/calls/lifecycle/statuses";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DetailList } from "@/components/dashboard/detail-list";
import { PageHeader } from "@/components/dashboard/page-header";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { CallButton } from "@/components/calls/call-button";
import { AddCallerButton } from "@/components/calls/add-caller-button";
import { CallBackButton } from "@/components/callbacks/call-back-button";
import { callbackOriginWords } from "@/components/callbacks/callback-words";
import { DialLinesProvider } from "@/components/calls/dial-lines";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { OutcomeBadge, SentimentBadge, formatDuration, words } from "@/components/calls/call-look";
import { callsHref } from "@/components/calls/calls-href";
import { When } from "@/components/calls/when";
import { clinicExactTime } from "@/components/scheduling/clinic-time";
import { ScheduledCallStatusBadge } from "@/components/scheduling/scheduled-call-status";
import { schedulingHref } from "@/components/scheduling/scheduling-href";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import { AppError } from "@/lib/errors";
import { getCall, type CallDetail, type CallReader } from "@/lib/calls/history/get-call";
import { saveablePatientNumber } from "@/lib/calls/saveable-patient-number";
import { requestTime, requireTenant } from "@/app/_lib/tenant";
import { loadDialLines } from "@/app/_lib/dial-lines";
import { can } from "@/lib/auth/permissions";
import { PageOrganization } from "@/components/dashboard/page-organization";

export const metadata: Metadata = { title: "Call" };

type Params = Promise<{ id: string }>;

async function loadCall(organizationId: string, id: string, reader: CallReader): Promise<CallDetail> {
  try {
    return await getCall(organizationId, id, reader);
  } catch (error) {
    // Another clinic's call looks exactly like one that does not exist.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** A value from ElevenLabs' analysis as words: text as is, anything else as compact JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
}

const entries = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : [];
const field = (value: unknown, key: string) => (typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined);

/** One list of ElevenLabs' analysis (evaluation criteria or collected data): each entry's result and rationale. */
function AnalysisResults({ title, results, shown }: { title: string; results: Array<[string, unknown]>; shown: (value: unknown) => unknown }) {
  if (results.length === 0) return null;
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>
      <dl className="space-y-2">
        {results.map(([key, value]) => (
          <div key={key}>
            <dt className="font-medium text-zinc-800">
              {words(key)}: {show(shown(value))}
            </dt>
            {field(value, "rationale") ? <dd className="text-zinc-600">{show(field(value, "rationale"))}</dd> : null}
          </div>
        ))}
      </dl>
    </div>
  );
}

export default async function CallPage({ params }: { params: Params }) {
  const { organization, user, role } = await requireTenant();
  const { id } = await params;
  // getCall records the read of the transcript in the audit log (issues 10, 17).
  const [call, lines] = await Promise.all([
    loadCall(organization.id, id, { actor: { userId: user.id, email: user.email }, via: "page" }),
    loadDialLines(organization),
  ]);
  const now = requestTime();
  const zone = { timeZone: organization.timezone, locale: organization.locale };
  // The patient is the caller on an inbound call and the number dialed on an outbound one.
  const patientNumber = call.direction === "INBOUND" ? call.fromNumber : call.toNumber;
  const shownNumber = patientNumber ? formatPhoneForDisplay(patientNumber, organization.defaultCountry) : null;
  // "Add to contacts" only for a number the server will save (not a withheld "anonymous"): the same rule.
  const saveable = call.contact ? null : saveablePatientNumber(call, organization.defaultCountry);
  const who = call.contact?.name ?? call.callerName ?? (call.direction === "INBOUND" ? (shownNumber ?? "Unknown caller") : "Deleted contact");
  const criteria = entries(call.analysis.evaluation_criteria_results);
  const collected = entries(call.analysis.data_collection_results);
  const variables = Object.entries(call.dynamicVariables);
  const open = isOpenCall(call.status);
  const attempts = call.scheduledCall?.attemptCalls ?? [];

  return (
    <>
      {/* While the call is under way its result arrives by webhook: show it when it does. */}
      <PageOrganization id={organization.id} />
      <LiveRefresh enabled={open} />
      <Link href="/calls" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" />
        All calls
      </Link>
      <PageHeader
        title={call.summaryTitle ? `${who}: ${call.summaryTitle}` : `Call with ${who}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <When at={call.createdAt} now={now} zone={zone} />
            <CallStatusBadge status={call.status} />
            <OutcomeBadge outcome={call.outcome} intent={call.intent} />
            <SentimentBadge sentiment={call.sentiment} />
          </span>
        }
        actions={
          call.contact ? (
            <span className="flex flex-wrap gap-2">
              {can(role, "calls.schedule") ? (
                <CallBackButton target={{ callId: call.id, name: call.contact.name }} zone={zone} disabled={call.contact.doNotCall || call.contact.noConsent} />
              ) : null}
              <DialLinesProvider lines={lines}>
                <CallButton
                  contact={{ ...call.contact, phoneDisplay: formatPhoneForDisplay(call.contact.phoneNumber, organization.defaultCountry) }}
                  label="Call again"
                />
              </DialLinesProvider>
            </span>
          ) : saveable && can(role, "contacts.write") ? (
            <AddCallerButton callId={call.id} phoneNumber={formatPhoneForDisplay(saveable, organization.defaultCountry)} suggestedName={call.callerName} />
          ) : null
        }
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Summary</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="text-sm leading-6 text-zinc-800">
                {call.summary ?? (open ? "The call is still under way; its summary arrives when it ends." : "No summary was sent for this call.")}
              </p>
              {call.errorMessage ? <p className="mt-2 text-sm text-red-700">{call.errorMessage}</p> : null}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Transcript</CardTitle>
            </CardHeader>
            <CardContent>
              {call.transcript.length === 0 ? (
                <p className="text-sm text-zinc-500">
                  {open
                    ? "The transcript arrives when the call ends."
                    : call.transcriptPurgedAt
                      ? `The transcript was deleted on ${clinicExactTime(call.transcriptPurgedAt, zone)} under the clinic's retention setting. The outcome and summary stay.`
                      : "Nothing was said on this call."}
                </p>
              ) : (
                <ol className="space-y-3" aria-label="Conversation">
                  {call.transcript.map((turn, index) => {
                    const agent = turn.role === "agent";
                    return (
                      <li key={index} className={agent ? "mr-8" : "ml-8"}>
                        <div
                          className={`rounded-lg px-3 py-2 text-sm leading-6 ${agent ? "bg-zinc-100 text-zinc-900" : "bg-brand-50 text-zinc-900 ring-1 ring-brand-100"}`}
                        >
                          <div className="mb-0.5 flex items-baseline justify-between gap-3 text-xs text-zinc-600">
                            <span className="font-semibold">{agent ? "Agent" : "Patient"}</span>
                            <span className="tabular-nums" title="Time in the call">
                              {formatDuration(Math.round(turn.timeInCallSecs))}
                            </span>
                          </div>
                          <p>{turn.message}</p>
                        </div>
                      </li>
                    );
                  })}
                </ol>
              )}
            </CardContent>
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <DetailList
              items={[
                {
                  label: "Contact",
                  value: call.contact ? (
                    <span className="flex flex-wrap gap-x-3">
                      <Link href={`/contacts?q=${encodeURIComponent(call.contact.name)}`} className="font-medium text-brand-700 hover:underline">
                        {call.contact.name}
                      </Link>
                      <Link href={callsHref({ contactId: call.contact.id })} className="text-brand-700 hover:underline">
                        All their calls
                      </Link>
                    </span>
                  ) : call.direction === "INBOUND" ? (
                    "Not in contacts"
                  ) : (
                    "Deleted contact"
                  ),
                },
                { label: call.direction === "INBOUND" ? "Caller's number" : "Number", value: <span className="tabular-nums">{shownNumber ?? "—"}</span> },
                { label: call.direction === "INBOUND" ? "Received" : "Placed", value: clinicExactTime(call.createdAt, zone) },
                { label: "Duration", value: <span className="tabular-nums">{formatDuration(call.durationSeconds)}</span> },
                { label: "Direction", value: words(call.direction.toLowerCase()) },
                {
                  label: "Outcome reported",
                  value: call.reportedOutcome ? words(call.reportedOutcome) : "—",
                  hint: call.outcome ? `Read as ${words(call.outcome)}.` : undefined,
                },
                { label: "Intent", value: call.intent ? words(call.intent) : "—" },
                { label: "Caller's name", value: call.callerName ?? "—" },
                { label: "Ended because", value: call.terminationReason ?? "—" },
                { label: "ElevenLabs' evaluation", value: call.callSuccessful ? words(call.callSuccessful) : "—" },
              ]}
            />
          </Card>

          {call.followUps.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>Call backs</CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="space-y-2 text-sm" aria-label="Call backs of this call">
                  {call.followUps.map((followUp) => (
                    <li key={followUp.id} className="flex flex-wrap items-center gap-2">
                      <ScheduledCallStatusBadge status={followUp.status} />
                      <span className="tabular-nums">{clinicExactTime(followUp.scheduledTime, zone)}</span>
                      <span className="text-zinc-600">{callbackOriginWords(followUp.callbackOrigin)}</span>
                      {followUp.awaitsConfirmation && !followUp.confirmedAt && followUp.status === "PENDING" ? (
                        <span className="text-amber-800">to confirm</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <Link href={schedulingHref({ kind: "CALLBACK" })} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                  Open call backs
                </Link>
              </CardContent>
            </Card>
          ) : null}

          {call.scheduledCall ? (
            <Card>
              <CardHeader>
                <CardTitle>
                  {call.scheduledCall.kind === "CALLBACK" ? "Call back" : call.scheduledCall.kind === "CHECK_IN" ? "Check-in" : "Scheduled call"}
                </CardTitle>
              </CardHeader>
              <CardContent className="space-y-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <ScheduledCallStatusBadge status={call.scheduledCall.status} />
                  <span>
                    Attempt {attempts.findIndex((attempt) => attempt.id === call.id) + 1 || "?"} of {call.scheduledCall.maxAttempts}
                  </span>
                  <Link href={schedulingHref({ batch: call.scheduledCall.batchId ?? undefined })} className="font-medium text-brand-700 hover:underline">
                    {call.scheduledCall.batchId ? "Open its batch" : "Open scheduling"}
                  </Link>
                  {call.scheduledCall.sourceCallId ? (
                    <Link href={`/calls/${call.scheduledCall.sourceCallId}`} className="font-medium text-brand-700 hover:underline">
                      The call it follows up
                    </Link>
                  ) : null}
                </p>
                {attempts.length > 1 ? (
                  <ol className="space-y-1" aria-label="Attempts">
                    {attempts.map((attempt, index) => (
                      <li key={attempt.id} className="flex items-center gap-2">
                        <span className="w-20 text-zinc-500">Attempt {index + 1}</span>
                        {attempt.id === call.id ? (
                          <span className="font-medium">this call</span>
                        ) : (
                          <Link href={`/calls/${attempt.id}`} className="text-brand-700 hover:underline">
                            <When at={attempt.createdAt} now={now} zone={zone} />
                          </Link>
                        )}
                        <OutcomeBadge outcome={attempt.outcome ?? (attempt.status === "FAILED" ? "failed" : null)} />
                      </li>
                    ))}
                  </ol>
                ) : null}
              </CardContent>
            </Card>
          ) : null}

          <Card>
            <CardHeader>
              <CardTitle>Analysis</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4 text-sm">
              {criteria.length === 0 && collected.length === 0 ? (
                <p className="text-zinc-500">ElevenLabs sent no evaluation criteria or collected data for this call.</p>
              ) : null}
              <AnalysisResults title="Evaluation criteria" results={criteria} shown={(value) => field(value, "result") ?? value} />
              <AnalysisResults title="Data collected" results={collected} shown={(value) => field(value, "value")} />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Dynamic variables sent</CardTitle>
            </CardHeader>
            <CardContent>
              {variables.length === 0 ? (
                <p className="text-sm text-zinc-500">None were echoed back for this call.</p>
              ) : (
                <dl className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-x-4 gap-y-1 text-sm">
                  {variables.map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="truncate font-mono text-xs leading-6 text-zinc-600">{key}</dt>
                      <dd className="break-words text-zinc-900">{show(value)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
