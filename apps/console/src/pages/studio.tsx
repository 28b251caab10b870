import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Campaign, ContentItem, GenerateContentParams } from '@influgentic/sdk';
import { useConsole } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { contentTypesFor, formatsForContentType, PLATFORMS } from '../campaign-options';
import { humanize } from '../format';
import { routeHref } from '../routes';
import { AgentIdField, useAgent } from '../ui/agent-picker';
import { ComplianceSummary } from '../ui/compliance';
import { Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';

/** Content studio: generate one piece with the text streaming in as the agent writes it. */
export function StudioPage({ query }: { query: Record<string, string> }) {
  const { client } = useConsole();
  const { agentId, setAgentId, agent, error: agentError } = useAgent(query.agent ?? '');
  const [contentType, setContentType] = useState('');
  const [format, setFormat] = useState('');
  const [platform, setPlatform] = useState('instagram');
  const [language, setLanguage] = useState('en');
  const [length, setLength] = useState('medium');
  const [campaignId, setCampaignId] = useState(query.campaign ?? '');
  const [product, setProduct] = useState('');
  const [claims, setClaims] = useState('');
  const [targetUse, setTargetUse] = useState('');
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [text, setText] = useState('');
  const [state, setState] = useState<'idle' | 'streaming' | 'done'>('idle');
  const [item, setItem] = useState<ContentItem>();
  const [problem, setProblem] = useState<UserProblem>();
  const abort = useRef<() => void>(undefined);

  useEffect(() => {
    if (!agent) return;
    const types = contentTypesFor(agent);
    setContentType((t) => (types.includes(t) ? t : types[0]));
    setLanguage((l) => (agent.languages.includes(l) ? l : agent.languages[0] ?? 'en'));
    client.campaigns.list({ agent_id: agent.id, limit: 100 }).then((p) => setCampaigns(p.data.filter((c) => c.status === 'active' || c.status === 'scheduled')), () => setCampaigns([]));
  }, [agent, client]);
  useEffect(() => {
    const formats = formatsForContentType(contentType);
    setFormat((f) => (formats.includes(f) ? f : formats[0] ?? ''));
  }, [contentType]);
  useEffect(() => () => abort.current?.(), []);

  const generate = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setItem(undefined);
    setText('');
    setState('streaming');
    const params: GenerateContentParams = {
      content_type: contentType as GenerateContentParams['content_type'], format: format as GenerateContentParams['format'],
      platform: platform as GenerateContentParams['platform'], language: language as GenerateContentParams['language'], length: length as GenerateContentParams['length'],
      ...(campaignId ? { campaign_id: campaignId } : {}), ...(product.trim() ? { product: {
        name: product.trim(), key_claims: claims.split(',').map((c) => c.trim()).filter(Boolean), target_use: targetUse.trim(),
      } } : {}),
    };
    const stream = client.content.generateStream(agentId.trim(), params);
    abort.current = () => stream.abort();
    try {
      let contentId = '';
      for await (const event of stream) {
        // Each chunk is painted as it arrives, even when several come in one network read.
        if (event.type === 'content_chunk') flushSync(() => setText((t) => t + event.text));
        if (event.type === 'content_complete') contentId = event.content_id;
      }
      if (contentId) setItem(await client.content.retrieve(contentId));
      setState('done');
    } catch (err) {
      setProblem(toProblem(err));
      setState('idle');
    }
  };

  const fieldError = (name: string) => problem?.fields[name];
  const shown = ['content_type', 'format', 'platform', 'language', 'length', 'campaign_id', 'product.name', 'product.key_claims', 'product.target_use'];
  return (
    <section>
      <PageHeader title="Content studio" />
      <form className="card form-grid" onSubmit={(e) => void generate(e)} noValidate aria-label="Generate content">
        <AgentIdField value={agentId} onChange={setAgentId} agent={agent} error={agentError} />
        <Field label="Content type" error={fieldError('content_type')}>
          <select value={contentType} onChange={(e) => setContentType(e.target.value)} disabled={!agent}>
            {(agent ? contentTypesFor(agent) : []).map((t) => <option key={t} value={t}>{humanize(t)}</option>)}
          </select>
        </Field>
        <Field label="Format" error={fieldError('format')}>
          <select value={format} onChange={(e) => setFormat(e.target.value)}>
            {formatsForContentType(contentType).map((f) => <option key={f} value={f}>{humanize(f)}</option>)}
          </select>
        </Field>
        <Field label="Platform" error={fieldError('platform')}>
          <select value={platform} onChange={(e) => setPlatform(e.target.value)}>
            {PLATFORMS.map((p) => <option key={p} value={p}>{humanize(p)}</option>)}
          </select>
        </Field>
        <Field label="Language" error={fieldError('language')}>
          <select value={language} onChange={(e) => setLanguage(e.target.value)}>
            {(agent?.languages ?? ['en']).map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Field>
        <Field label="Length" error={fieldError('length')}>
          <select value={length} onChange={(e) => setLength(e.target.value)}>
            {['short', 'medium', 'long'].map((l) => <option key={l} value={l}>{humanize(l)}</option>)}
          </select>
        </Field>
        <Field label="Campaign (optional)" error={fieldError('campaign_id')}>
          <select value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
            <option value="">No campaign</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field label="Product (optional)" error={fieldError('product.name')}><input value={product} onChange={(e) => setProduct(e.target.value)} /></Field>
        {product.trim() ? (
          <>
            <Field label="Key claims (comma separated)" error={fieldError('product.key_claims')}><input value={claims} onChange={(e) => setClaims(e.target.value)} /></Field>
            <Field label="Target use" error={fieldError('product.target_use')}><input value={targetUse} onChange={(e) => setTargetUse(e.target.value)} /></Field>
          </>
        ) : null}
        <ProblemMessage problem={problem} shownFields={shown} />
        <div className="form-actions">
          <button type="submit" disabled={!agent || state === 'streaming'}>{state === 'streaming' ? 'Generating…' : 'Generate'}</button>
          {state === 'streaming' ? <button type="button" className="secondary" onClick={() => abort.current?.()}>Stop</button> : null}
        </div>
      </form>
      <h2>Output</h2>
      <output className="stream-output" data-testid="stream-output" data-state={state} aria-live="polite" aria-busy={state === 'streaming'}>
        {text || <span className="muted">The text appears here as it is written.</span>}
      </output>
      {item ? (
        <div className="card" data-testid="generated-item">
          <p>Saved as <code>{item.id}</code>, status <strong>{item.status}</strong>. <a href={routeHref('review')}>Open the review queue</a></p>
          {item.hashtags.length ? <p>{item.hashtags.join(' ')}</p> : null}
          <ComplianceSummary item={item} />
        </div>
      ) : null}
    </section>
  );
}
