import { useEffect, useState } from 'react';
import type { Agent } from '@influgentic/sdk';
import { useConsole } from '../api/console-context';
import { Field } from './forms';
import { describeProblem } from '../api/problems';

/** An agent id field that loads the agent, so a form can offer only what that agent supports. */
export function useAgent(initialId: string): { agentId: string; setAgentId: (id: string) => void; agent?: Agent; error?: string } {
  const { client } = useConsole();
  const [agentId, setAgentId] = useState(initialId);
  const [agent, setAgent] = useState<Agent>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const id = agentId.trim();
    setAgent(undefined);
    setError(undefined);
    if (!id) return;
    let current = true;
    const timer = setTimeout(() => {
      client.agents.retrieve(id).then((a) => { if (current) setAgent(a); },
        (err: unknown) => { if (current) setError(describeProblem(err).summary); });
    }, 250);
    return () => { current = false; clearTimeout(timer); };
  }, [client, agentId]);
  return { agentId, setAgentId, agent, error };
}

export function AgentIdField({ value, onChange, agent, error, fieldError }: { value: string; onChange: (v: string) => void; agent?: Agent; error?: string; fieldError?: string }) {
  return (
    <Field label="Agent id" error={fieldError ?? error} hint={agent ? `${agent.name} · ${agent.status}` : 'Pick one in the catalog, e.g. agent_velo_automotive'}>
      <input value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
