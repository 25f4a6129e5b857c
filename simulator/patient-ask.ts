import { pickOne } from "@/simulator/prng";

/**
 * What the simulated patient asks for, chosen once when the call is planned: the transcript, the agent's
 * tool calls, the summary and the data collection all read these same words, so one call never names
 * three different times.
 */
export type PatientAsk = {
  /** A call-back time as the patient says it, in words the app's callback parser reads. */
  callbackWhen: string;
  /** A visit day and time the patient would take, for calls without the app's tools. */
  visitDay: string;
  visitTime: string;
};

const CALLBACK_TIMES = ["tomorrow at 10am", "tomorrow at 2pm", "tomorrow at 11:30am", "day after tomorrow at 9am", "day after tomorrow at 3pm"] as const;
const VISIT_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] as const;
const VISIT_TIMES = ["9:30 am", "10 am", "11:15 am", "2 pm", "3:30 pm", "4:45 pm"] as const;

export function choosePatientAsk(random: () => number): PatientAsk {
  return { callbackWhen: pickOne(random, CALLBACK_TIMES), visitDay: pickOne(random, VISIT_DAYS), visitTime: pickOne(random, VISIT_TIMES) };
}
