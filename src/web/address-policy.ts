// Which addresses the bot may connect to when it fetches a URL a user typed
// or a feed linked to. Everything but the public unicast internet is refused
// by default: a URL that resolves to 127.0.0.1, a LAN host or the cloud
// metadata service (169.254.169.254) would let anyone on the server read what
// only the machine can see. ipaddr.js classifies the ranges (IPv4-mapped IPv6
// included), which is easy to get subtly wrong by hand.
import ipaddr from 'ipaddr.js';

export type AddressCheck = (ip: string) => string | null;

/** Null when the address is public unicast; otherwise why it is refused ("loopback", "private", ...). */
export function refusePrivateAddress(ip: string): string | null {
  if (!ipaddr.isValid(ip)) return 'not an IP address';
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  const range = addr.range();
  return range === 'unicast' ? null : range;
}

/** ALLOW_PRIVATE_URLS=true: every address is allowed (tests, intranet deployments). */
export const allowEveryAddress: AddressCheck = () => null;

export function addressCheck(allowPrivate: boolean): AddressCheck {
  return allowPrivate ? allowEveryAddress : refusePrivateAddress;
}
