// Article text is untrusted ("@everyone" can appear in a quote): every message
// the bot sends pings no one.
export const NO_MENTIONS = { parse: [] as [] };
