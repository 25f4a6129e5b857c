"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Problem } from "@/components/forms/problem";

/** What a 409 from "Call now" carries when the patient's hours or call limit refused the call. */
export interface PatientHoursRefusal {
  nextAllowedAt: string | null;
  patientTime: string | null;
  clinicTime: string | null;
  canOverride: boolean;
}

export function patientHoursRefusal(problem: Problem | null): PatientHoursRefusal | null {
  const body = problem?.body;
  if (!problem || problem.status !== 409 || !body || !("nextAllowedAt" in body)) return null;
  const local = body.nextAllowedLocal as { patient?: { time?: string }; clinic?: { time?: string } } | null;
  return {
    nextAllowedAt: typeof body.nextAllowedAt === "string" ? body.nextAllowedAt : null,
    patientTime: local?.patient?.time ?? null,
    clinicTime: local?.clinic?.time ?? null,
    canOverride: body.canOverride === true,
  };
}

/**
 * The way on from a refused "Call now": schedule it at the next allowed time in one click, or — owners and
 * admins — place this one call anyway, saying why (the reason goes into the audit log).
 */
export function OutsideHoursActions({
  refusal,
  busy,
  onSchedule,
  onOverride,
}: {
  refusal: PatientHoursRefusal;
  busy: boolean;
  onSchedule: (at: string) => void;
  onOverride: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  return (
    <div className="space-y-3">
      {refusal.nextAllowedAt ? (
        <Button type="button" variant="outline" loading={busy} onClick={() => onSchedule(refusal.nextAllowedAt!)}>
          Schedule at {refusal.clinicTime ?? new Date(refusal.nextAllowedAt).toLocaleString()}
        </Button>
      ) : null}
      {refusal.canOverride ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
          <Label htmlFor="override-reason">Call anyway (owners and admins, for this one call)</Label>
          <Input
            id="override-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Why it cannot wait, e.g. test results the patient asked for today"
            className="mt-1.5"
            maxLength={500}
          />
          <p className="mt-1 text-xs text-zinc-600">The reason is kept in the audit log with your name.</p>
          <Button type="button" variant="outline" className="mt-2" disabled={reason.trim().length < 5 || busy} onClick={() => onOverride(reason.trim())}>
            Call anyway
          </Button>
        </div>
      ) : null}
    </div>
  );
}
