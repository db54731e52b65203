// A management command (/digest, /feeds, /add, /watch) as the one registry
// holds it: its registration payload, the service it runs on, and its
// subcommands behind one transport-neutral request. A process that lacks the
// service (no database, no bot token, no feed list) says why, privately; the
// gateway and the Interactions Endpoint both run it through here and name no
// command themselves.
import type { ManagementCommandData } from '../command.js';
import type { DigestInteractionDeps } from './digest-subcommands.js';
import type { FeedsInteractionDeps } from './feeds-subcommands.js';
import type { InteractionRequest } from './interaction-request.js';
import type { WatchInteractionDeps } from './watch-subcommands.js';

/** What the management commands run on; each absent where this process cannot offer it. */
export interface ManagementServices {
  digest?: DigestInteractionDeps | undefined;
  feeds?: FeedsInteractionDeps | undefined;
  watch?: WatchInteractionDeps | undefined;
  /** Why a service is absent in this process, when it knows better than the command's own words. */
  absent?: Partial<Record<ServiceName, string>> | undefined;
}

export type ServiceName = 'digest' | 'feeds' | 'watch';

export interface Choice {
  name: string;
  value: string;
}

export interface ManagementCommand extends ManagementCommandData {
  /** Runs one subcommand ('' for a command without any) through the request; refusals and answers go through it too. */
  run(request: InteractionRequest, subcommand: string, services: ManagementServices): Promise<void>;
  /** The choices offered for an option being typed (none where the service is absent). */
  choices(services: ManagementServices, option: string, typed: string, guildId: string | null): Promise<Choice[]>;
}

interface ServiceCommand<K extends ServiceName> {
  data: ManagementCommandData['data'];
  cli?: string;
  /** What the user reads when this process lacks the service and does not say why. */
  absent: string;
  run(request: InteractionRequest, subcommand: string, deps: NonNullable<ManagementServices[K]>): Promise<void>;
  choices?(deps: NonNullable<ManagementServices[K]>, option: string, typed: string, guildId: string | null): Promise<Choice[]>;
}

/** A management command that runs on one service: absent, the request is told why and nothing else runs. */
export function onService<K extends ServiceName>(service: K, c: ServiceCommand<K>): ManagementCommand {
  return {
    kind: 'management',
    data: c.data,
    ...(c.cli ? { cli: c.cli } : {}),
    async run(request, subcommand, services) {
      const deps = services[service] as NonNullable<ManagementServices[K]> | undefined;
      if (!deps) return request.reply({ content: `⚠️ ${services.absent?.[service] ?? c.absent}` });
      return c.run(request, subcommand, deps);
    },
    async choices(services, option, typed, guildId) {
      const deps = services[service] as NonNullable<ManagementServices[K]> | undefined;
      return deps && c.choices ? c.choices(deps, option, typed, guildId) : [];
    },
  };
}
