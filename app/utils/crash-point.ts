/**
 * Fault injection for crash tests: with JIANYAN_CRASH_AT=<name>, the process
 * kills itself (SIGKILL: no cleanup, no finally blocks, like a power cut) when
 * it reaches the crash point of that name. Unset in every real deployment, and
 * then a string comparison per call.
 */
export function crashPoint(name: string): void {
  if (process.env.JIANYAN_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
