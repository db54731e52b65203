// Discord took too long to let the bot in. Its own file, so the start-up error
// messages can recognise it without loading the gateway client.
export class LoginTimeoutError extends Error {}
