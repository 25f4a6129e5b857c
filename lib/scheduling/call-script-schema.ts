import { z } from "zod";
import { isReservedVariable, RESERVED_VARIABLE_MESSAGE } from "@/lib/calls/reserved-variables";

/** Bounds of a batch's call script: a greeting is a sentence or two, a prompt a page. */
export const SCRIPT_FIRST_MESSAGE_MAX = 1_000;
export const SCRIPT_PROMPT_MAX = 10_000;
export const SCRIPT_VARIABLES_MAX = 20;
export const SCRIPT_VARIABLE_VALUE_MAX = 500;

const scriptText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be at most ${max.toLocaleString("en")} characters`)
    .transform((text) => (text === "" ? undefined : text));

const variableKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use snake_case names of up to 40 characters, such as clinic_address")
  .refine((key) => !key.startsWith("system__"), "Names starting with system__ are reserved by ElevenLabs")
  .refine((key) => !isReservedVariable(key), RESERVED_VARIABLE_MESSAGE);

/**
 * What a batch's calls say: the agent's first message and prompt in place of its own (ElevenLabs
 * conversation_config_override; the agent must allow overrides) and extra dynamic variables
 * ({{clinic_address}}, {{reason_for_call}}, …) the agent's prompt can use. Empty texts count as absent.
 */
export const callScriptSchema = z
  .object({
    firstMessage: scriptText(SCRIPT_FIRST_MESSAGE_MAX, "The first message").optional(),
    prompt: scriptText(SCRIPT_PROMPT_MAX, "The prompt").optional(),
    variables: z
      .record(variableKey, z.string().trim().max(SCRIPT_VARIABLE_VALUE_MAX, `A value can be at most ${SCRIPT_VARIABLE_VALUE_MAX} characters`))
      .refine((vars) => Object.keys(vars).length <= SCRIPT_VARIABLES_MAX, `At most ${SCRIPT_VARIABLES_MAX} variables`)
      .optional(),
  })
  .strict();
export type CallScriptInput = z.output<typeof callScriptSchema>;

/** The script as stored on the batch and sent with each call. */
export interface CallScript {
  firstMessage: string | null;
  prompt: string | null;
  variables: Record<string, string>;
}

export function toCallScript(input: CallScriptInput | undefined): CallScript {
  return { firstMessage: input?.firstMessage ?? null, prompt: input?.prompt ?? null, variables: input?.variables ?? {} };
}

/** True when the script asks the agent to change what it says (needs overrides allowed on the agent). */
export function overridesAgent(script: Pick<CallScript, "firstMessage" | "prompt">): boolean {
  return script.firstMessage !== null || script.prompt !== null;
}
