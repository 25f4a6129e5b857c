import { CopyButton } from "@/components/settings/copy-button";

/**
 * What to paste into ElevenLabs so an inbound call is greeted with what the clinic knows of the caller:
 * the conversation-initiation webhook's URL and the header that carries the agent's own token.
 */
export function ConversationInitSetup({ origin }: { origin: string }) {
  const url = `${origin}/api/agent-actions/conversation-init`;
  return (
    <section aria-labelledby="conversation-init-heading" className="space-y-3 text-sm">
      <h3 id="conversation-init-heading" className="text-sm font-semibold text-zinc-900">
        Greeting callers by name (inbound calls)
      </h3>
      <p className="text-zinc-600">
        In ElevenLabs, open the agent → Security and turn on “Fetch initiation client data from webhook”; the URL and header go in the workspace’s
        conversation-initiation webhook (<code className="font-mono text-xs">conversation_initiation_client_data_webhook</code>, or the agent’s own override of
        it). The agent then knows the caller’s name, next appointment and last call before it says hello.
      </p>
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-[max-content_minmax(0,1fr)_max-content] sm:items-center sm:gap-x-3">
        <dt className="font-medium text-zinc-700">URL</dt>
        <dd>
          <code className="block truncate rounded-md bg-zinc-50 px-2 py-1.5 font-mono text-xs" title={url}>
            {url}
          </code>
        </dd>
        <dd>
          <CopyButton value={url} label="Copy URL" />
        </dd>
        <dt className="font-medium text-zinc-700">Header</dt>
        <dd>
          <code className="block rounded-md bg-zinc-50 px-2 py-1.5 font-mono text-xs">X-Agent-Token: the agent’s token</code>
        </dd>
        <dd>
          <CopyButton value="X-Agent-Token" label="Copy header name" />
        </dd>
      </dl>
      <p className="text-xs text-zinc-500">
        The header’s value is the agent’s tool token (made above, shown once). A request without a valid token for that agent is refused.
      </p>
    </section>
  );
}
