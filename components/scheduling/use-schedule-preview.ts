"use client";

import { useEffect, useState } from "react";
import { readProblem, type Problem } from "@/components/forms/problem";
import { postSchedule, type SchedulePreview, type ScheduleRequest } from "@/components/scheduling/schedule-request";

const PREVIEW_DELAY_MS = 300;

export type PreviewState =
  | { status: "idle" }
  /** Waiting for the answer to the latest inputs; `last` is the previous plan, shown dimmed meanwhile. */
  | { status: "loading"; last: SchedulePreview | null }
  | { status: "ready"; preview: SchedulePreview }
  | { status: "error"; problem: Problem };

type Answer = { key: string } & ({ status: "ready"; preview: SchedulePreview } | { status: "error"; problem: Problem });

/**
 * The plan the server would make for `request` (a dry run that writes nothing), asked for once the
 * inputs have been still for 300 ms; an answer to inputs since changed is dropped. Null = incomplete.
 */
export function useSchedulePreview(request: ScheduleRequest | null): PreviewState {
  const key = request ? JSON.stringify(request) : null;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [last, setLast] = useState<SchedulePreview | null>(null);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await postSchedule(JSON.parse(key) as ScheduleRequest, { dryRun: true, signal: controller.signal });
        if (!res.ok) {
          const problem = await readProblem(res);
          if (!controller.signal.aborted) setAnswer({ key, status: "error", problem });
          return;
        }
        const preview = (await res.json()) as SchedulePreview;
        if (controller.signal.aborted) return;
        setAnswer({ key, status: "ready", preview });
        setLast(preview);
      } catch (reason) {
        if (!controller.signal.aborted)
          setAnswer({ key, status: "error", problem: { status: 0, detail: `Could not reach Callboard to preview the calls: ${String(reason)}` } });
      }
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  if (key === null) return { status: "idle" };
  if (answer?.key !== key) return { status: "loading", last };
  return answer.status === "ready" ? { status: "ready", preview: answer.preview } : { status: "error", problem: answer.problem };
}
