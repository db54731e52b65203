// The channel permissions the bot needs to post, by name, and which of them a
// permission bitfield lacks. /brief and /digest both ask before they post.
import { PermissionFlagsBits } from 'discord-api-types/v10';

export type NamedPermission = readonly [name: string, bit: bigint];

export const TO_POST: readonly NamedPermission[] = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
];

export const TO_OPEN_THREADS: readonly NamedPermission[] = [
  ['Create Public Threads', PermissionFlagsBits.CreatePublicThreads],
  ['Send Messages in Threads', PermissionFlagsBits.SendMessagesInThreads],
];

/** The names of the needed permissions that `granted` lacks. */
export function missingPermissions(granted: bigint, needed: readonly NamedPermission[]): string[] {
  return needed.filter(([, bit]) => (granted & bit) !== bit).map(([name]) => name);
}
