import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { GenerateVideoParams, VideoStatus } from '@influgentic/sdk';
import { useConsole, useLiveEvents } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { AgentIdField, useAgent } from '../ui/agent-picker';
import { Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';

const RUNNING = ['queued', 'processing'];

/** Video: start one, follow its progress step by step, and play it from its signed link. */
export function VideosPage({ query }: { query: Record<string, string> }) {
  const { client } = useConsole();
  const { agentId, setAgentId, agent, error: agentError } = useAgent(query.agent ?? 'agent_velo_automotive');
  const [platform, setPlatform] = useState('tiktok');
  const [scene, setScene] = useState('');
  const [duration, setDuration] = useState('8');
  const [aspect, setAspect] = useState('9:16');
  const [video, setVideo] = useState<VideoStatus>();
  const [problem, setProblem] = useState<UserProblem>();

  const poll = useCallback(async (id: string) => {
    try { setVideo(await client.media.videoStatus(id)); } catch (err) { setProblem(toProblem(err)); }
  }, [client]);
  useEffect(() => {
    if (!video || !RUNNING.includes(video.status)) return;
    const timer = setTimeout(() => void poll(video.content_id), 1000);
    return () => clearTimeout(timer);
  }, [video, poll]);
  useLiveEvents(['job.*'], (e) => { if (video && e.data.job_id === video.job_id) void poll(video.content_id); });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setVideo(undefined);
    try {
      const accepted = await client.media.generateVideo({
        agent_id: agentId.trim(), platform: platform as GenerateVideoParams['platform'], scene_description: scene,
        duration_seconds: Number(duration), aspect_ratio: aspect as GenerateVideoParams['aspect_ratio'],
      });
      await poll(accepted.content.id);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  const fieldError = (name: string) => problem?.fields[name];
  return (
    <section>
      <PageHeader title="Videos" />
      <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate aria-label="Generate a video">
        <AgentIdField value={agentId} onChange={setAgentId} agent={agent} error={agentError} fieldError={fieldError('agent_id')} />
        <Field label="Platform" error={fieldError('platform')}>
          <select value={platform} onChange={(e) => setPlatform(e.target.value)}>
            {['tiktok', 'instagram', 'youtube', 'x', 'linkedin', 'facebook'].map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </Field>
        <Field label="Scene" error={fieldError('scene_description')}><textarea rows={3} value={scene} onChange={(e) => setScene(e.target.value)} /></Field>
        <Field label="Duration (seconds, 5 to 60)" error={fieldError('duration_seconds')}><input type="number" min={5} max={60} value={duration} onChange={(e) => setDuration(e.target.value)} /></Field>
        <Field label="Aspect ratio" error={fieldError('aspect_ratio')}>
          <select value={aspect} onChange={(e) => setAspect(e.target.value)}>
            {['9:16', '1:1', '16:9'].map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </Field>
        <ProblemMessage problem={problem} shownFields={['agent_id', 'platform', 'scene_description', 'duration_seconds', 'aspect_ratio']} />
        <div className="form-actions"><button type="submit">Generate video</button></div>
      </form>
      {video ? (
        <div className="card" data-testid="video-status" data-status={video.status}>
          <p>Video {video.status} — step {video.step}</p>
          <progress max={100} value={video.progress} aria-label="Video progress">{video.progress}%</progress>
          {video.error ? <p role="alert">{video.error.message}</p> : null}
          {video.status === 'done' && video.result.video_url ? (
            <video controls src={video.result.video_url} poster={video.result.thumbnail_url ?? undefined} className="video" aria-label="Generated video">
              {video.result.captions ? <track kind="captions" src={video.result.captions.vtt_url} srcLang="en" label="Captions" default /> : null}
            </video>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
