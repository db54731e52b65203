// An answer command, on either transport: run it, draw its page, and decide
// once whether to defer (a slow command, or a chart to draw off the event
// loop), who sees the reply (private:true, or a user's mistake), and whether
// a discussion thread is opened on it (a command that replies in a thread).
import { chartsIdle, hasChart } from '../../charts/answer-chart.js';
import { commandLine } from '../../render/discord/command-line.js';
import { pageWindow, renderPage } from '../../render/discord/render.js';
import { wantsChart, withChart } from '../chart-attachment.js';
import type { CommandAsked, Exchange } from './exchange.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { replyInThread } from './thread-reply.js';

/** How long an answer waits for its chart before it goes out alone (the chart follows in an edit). */
const CHART_WAIT_MS = 500;

export async function answerCommand(ex: Exchange, asked: CommandAsked, deps: PipelineDeps): Promise<void> {
  const { command, options } = asked;
  if (command.reply === 'thread') return replyInThread(ex, asked, deps);
  const name = command.data.name;
  const line = commandLine(name, options);
  const ctx = { corpus: deps.corpus(), options };
  const privately = options.private === true;
  // A chart is drawn off the event loop and may take a few hundred ms: the reply is deferred for it, like a slow command.
  const fast = command.slow ? null : await command.execute({ ...ctx, window: pageWindow(name, 0) });
  // Under load (a chart already rendering) the answer goes out at once, without one.
  const chart = wantsChart(command, options) && (fast === null || hasChart(fast)) && chartsIdle();
  if (!command.slow && !chart) {
    const answer = fast!;
    return ex.reply(renderPage(answer, 0, line), privately || !answer.ok);
  }
  // Deferring costs a round trip but means Discord never shows "did not respond" while a cold index loads.
  await ex.defer(privately);
  const answer = fast ?? (await command.execute({ ...ctx, window: pageWindow(name, 0) }));
  const page = renderPage(answer, 0, line);
  // The answer waits for its chart a moment at most; a chart that takes longer (a busy machine) is added by a second edit.
  const drawing = chart && answer.ok ? withChart(page, command, ctx, answer, deps.log) : null;
  const drawn = drawing
    ? await Promise.race([drawing, new Promise<null>((r) => setTimeout(() => r(null), deps.chartWaitMs ?? CHART_WAIT_MS).unref())])
    : null;
  if (drawing && !drawn) {
    drawing
      .then((late) => (late.files ? ex.edit(late) : null))
      .catch((e: unknown) => deps.log.warn(`a late chart could not be added: ${e instanceof Error ? e.message : String(e)}`));
  }
  if (answer.ok || privately) {
    await ex.edit(drawn ?? page);
    return;
  }
  // A user's mistake is shown to them alone: drop the public "thinking…" and answer privately.
  await ex.deleteReply();
  await ex.followUp(page, true);
}
