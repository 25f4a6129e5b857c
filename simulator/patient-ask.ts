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
// A Hindi-speaking patient says the same kind of things the way they would ("kal 10 baje": tomorrow at 10).
const HINDI_CALLBACK_TIMES = ["kal 10 baje", "kal 2 baje", "kal saade 11 baje", "parso 9 baje", "parso 3 baje"] as const;
const HINDI_VISIT_DAYS = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार"] as const;
const HINDI_VISIT_TIMES = ["सुबह 9:30 बजे", "सुबह 10 बजे", "सुबह 11:15 बजे", "दोपहर 2 बजे", "दोपहर 3:30 बजे", "शाम 4:45 बजे"] as const;

/** `hindi`: the patient speaks Hindi (the dial's `language` is hi-IN); the same draws either way. */
export function choosePatientAsk(random: () => number, hindi = false): PatientAsk {
  if (hindi)
    return { callbackWhen: pickOne(random, HINDI_CALLBACK_TIMES), visitDay: pickOne(random, HINDI_VISIT_DAYS), visitTime: pickOne(random, HINDI_VISIT_TIMES) };
  return { callbackWhen: pickOne(random, CALLBACK_TIMES), visitDay: pickOne(random, VISIT_DAYS), visitTime: pickOne(random, VISIT_TIMES) };
}
