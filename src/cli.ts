#!/usr/bin/env node
// Entry point of the `briefing` command. `start`, `deploy-commands` and
// `doctor` talk to Discord and are asynchronous; everything else is runCli.
// Each subcommand loads only what it needs: `briefing ask` never pays for discord.js, the feed
// reader or the chart renderer (about 0.6 s of start-up), and the bot loads everything once.
const [sub, ...rest] = process.argv.slice(2);
const err = (t: string) => process.stderr.write(`${t}\n`);

async function main(): Promise<number> {
  if (sub === 'start') {
    const { start } = await import('./app/start.js');
    return start({ env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: err });
  }
  if (sub === 'worker') {
    const { worker } = await import('./app/worker.js');
    return worker({ env: process.env, stderr: err });
  }
  if (sub === 'serve') {
    const { serve } = await import('./app/serve.js');
    return serve({ env: process.env, stderr: err });
  }
  if (sub === 'deploy-commands') {
    const { deployCli } = await import('./cli/deploy-cli.js');
    return deployCli(rest, process.env, (t) => process.stdout.write(`${t}\n`), err);
  }
  if (sub === 'feeds' || sub === 'fetch' || sub === 'add') {
    const { feedsCli } = await import('./cli/feeds-cli.js');
    return feedsCli(process.argv.slice(2), process.env, {
      out: (t) => process.stdout.write(`${t}\n`),
      err,
      isTty: Boolean(process.stdout.isTTY),
    });
  }
  if (sub === 'watch') {
    const { watchCli } = await import('./cli/watch-cli.js');
    return watchCli(process.argv.slice(2), process.env, {
      out: (t) => process.stdout.write(`${t}\n`),
      err,
      isTty: Boolean(process.stdout.isTTY),
    });
  }
  if (sub === 'doctor') {
    const { doctorCli } = await import('./cli/doctor.js');
    return doctorCli(rest, process.env, (t) => process.stdout.write(`${t}\n`), err);
  }
  const { runCli } = await import('./cli/run-cli.js');
  return runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err,
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  });
}

main().then(
  (code) => {
    // The bot and console leave sockets and timers behind; once they are done, so is the process.
    if (sub === 'start' || sub === 'serve' || sub === 'worker') process.exit(code);
    process.exitCode = code;
  },
  (e: unknown) => {
    err(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
