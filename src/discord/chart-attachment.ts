// A chart attached to an answer in Discord: the PNG as a file, shown in the
// first embed through attachment://. A chart that fails to render never
// holds the answer back: the text goes out alone and the failure is logged.
import type { Answer } from '../briefing/answer-types.js';
import { CHART_EVENTS, ChartsBusyError, chartImage } from '../charts/answer-chart.js';
import type { Command, CommandContext } from '../command.js';
import type { Logger } from '../logger.js';
import type { MessagePayload, PayloadWithFiles } from '../render/message-payload.js';

/** discord.js takes attachments as { attachment, name, description }. */
export function forDiscord<T extends PayloadWithFiles>(
  payload: T,
): Omit<T, 'files'> & { files?: { attachment: Buffer; name: string; description?: string }[] } {
  const { files, ...rest } = payload;
  return files ? { ...rest, files: files.map((f) => ({ attachment: f.data, name: f.name, description: f.description })) } : rest;
}

export function wantsChart(command: Command, options: CommandContext['options']): boolean {
  return command.chart === true && options.chart !== false;
}

/** The payload with the chart of `answer` (asked again for CHART_EVENTS events: a page holds six). */
export async function withChart(
  payload: MessagePayload,
  command: Command,
  ctx: CommandContext,
  answer: Answer,
  log: Logger,
): Promise<PayloadWithFiles> {
  if (!answer.ok) return payload;
  try {
    const full = await command.execute({ ...ctx, window: { offset: 0, limit: CHART_EVENTS } });
    const image = await chartImage(full);
    if (!image) return payload;
    const [first, ...rest] = payload.embeds ?? [];
    return {
      ...payload,
      embeds: first ? [{ ...first, image: { url: `attachment://${image.file}` } }, ...rest] : [],
      files: [{ data: image.png, name: image.file, description: image.description.slice(0, 1000) }],
    };
  } catch (e) {
    if (e instanceof ChartsBusyError) log.warn(`chart for /${command.data.name} skipped under load: ${e.message}`);
    else log.error(`chart for /${command.data.name} failed; the answer went out without it: ${e instanceof Error ? e.message : String(e)}`);
    return payload;
  }
}
