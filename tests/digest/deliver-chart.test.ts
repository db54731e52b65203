// A digest fire's timeline chart, drawn by the chart renderer's own process (so not among the unit tests): attached
// in the events embed, left out when the subscription turns it off, and the digest delivered without it when it fails.
import { describe, expect, it } from 'vitest';
import { digestChart } from '../../src/charts/answer-chart.js';
import { DIGEST_CHART_MIN_EVENTS, deliverFire, type DeliveryDeps } from '../../src/digest/deliver.js';
import type { PayloadWithFiles } from '../../src/render/message-payload.js';
import { limitViolations } from '../../src/render/discord/limits.js';
import { FIRE, setup } from '../helpers/digest-delivery.js';

describe('a digest fire with its chart', () => {
  it("attaches the period's timeline chart in the events embed; not when the subscription turns it off, nor when it fails", async () => {
    const chart: DeliveryDeps['chart'] = (view) => digestChart(view.answer, `Dated events in the digest: ${view.name}`);
    const on = await setup();
    await deliverFire({ ...on.deps, chart }, on.sub.id, FIRE);
    const posted = on.publisher.messages[0]!.payload as PayloadWithFiles;
    expect(posted.files?.map((f) => [f.name, f.data.subarray(1, 4).toString('latin1')])).toEqual([['timeline.png', 'PNG']]);
    const events = posted.embeds!.find((e) => e.title === 'Dated events in these articles')!;
    expect(events.image?.url).toBe('attachment://timeline.png');
    expect(events.description!.match(/`[0-9a-f]{8}\.[0-9a-f]{6}`/g)!.length).toBeGreaterThanOrEqual(DIGEST_CHART_MIN_EVENTS);
    expect(limitViolations(posted)).toEqual([]);

    const off = await setup({ sub: { chart: false } });
    await deliverFire({ ...off.deps, chart }, off.sub.id, FIRE);
    expect((off.publisher.messages[0]!.payload as PayloadWithFiles).files).toBeUndefined();

    const broken = await setup();
    const out = await deliverFire({ ...broken.deps, chart: () => Promise.reject(new Error('no fonts today')) }, broken.sub.id, FIRE);
    expect(out.status).toBe('delivered');
    expect((broken.publisher.messages[0]!.payload as PayloadWithFiles).files).toBeUndefined();
    expect(broken.logs.join('\n')).toMatch(/the chart failed, so the digest goes out without it: no fonts today/);
  });
});
