import { runAgentTools } from "@/simulator/agent-tools";
import type { ClinicScript } from "@/simulator/clinic-script";
import type { ToolResult } from "@/simulator/agent-tools";
import type { SimulatedCall } from "@/simulator/simulated-call";
import type { SimulatorState } from "@/simulator/simulator-state";

/**
 * Connected: an agent with Callboard's server tools books (or schedules the call back) on the app
 * now; the script is rebuilt from what the tools answered. Without tools the script stays a story.
 */
export function startAgentTools(state: SimulatorState, call: SimulatedCall, rebuildScript: (tool: ToolResult) => ClinicScript): void {
  const plan = call.plan;
  const tools = state.config.agentTools[call.agentId];
  if (plan.kind !== "answered" || !tools) return;
  call.toolRun = runAgentTools(tools, plan.outcome, call, plan.ask, state.settings.log).then((result) => {
    if (result) plan.script = rebuildScript(result);
  });
}
