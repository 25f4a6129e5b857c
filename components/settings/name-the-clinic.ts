import type { Problem } from "@/components/forms/problem";

/**
 * A save refused because this tab is stale, worded with the clinic the page shows: someone with several clinics
 * open in tabs must know which one was not saved. The server's words cannot name it — for a clinic the user has
 * left it answers as for one they never belonged to — but the page knows which clinic it shows. Other refusals
 * keep the server's words.
 */
export function nameTheClinic(problem: Problem, clinicName: string): Problem {
  if (problem.code === "stale_settings") {
    return {
      ...problem,
      detail: `${clinicName}'s settings were changed after you opened this page, in another tab or by someone else, so your changes were not saved. Reload the page to see the new ones, then make yours again.`,
    };
  }
  if (problem.code === "stale_organization") {
    return {
      ...problem,
      detail: `This page shows ${clinicName}, and you are no longer a member of it, so nothing was saved. Reload the page to see the clinics you are in.`,
    };
  }
  return problem;
}
