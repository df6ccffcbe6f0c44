/** Runs the plan-assure command in-process (the same main() the bin calls), capturing its output. */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(args, sink((s) => (stdout += s)) as unknown as NodeJS.WriteStream, sink((s) => (stderr += s)) as unknown as NodeJS.WriteStream);
  return { code, stdout, stderr };
}

/**
 * What stdout holds of a command that could not finish: nothing, or with --json only the object saying why it failed
 * (never a report or part of one). Gives the failure's message, or null when stdout is empty.
 */
export function failureOnStdout(stdout: string, exitCode: number): string | null {
  if (stdout === '') return null;
  const lines = stdout.trim().split('\n');
  if (lines.length !== 1) throw new Error(`stdout holds ${lines.length} lines, not one failure object: ${stdout.slice(0, 200)}`);
  const parsed = JSON.parse(lines[0]) as { failed?: { exitCode?: number; message?: string } };
  if (Object.keys(parsed).join() !== 'failed' || parsed.failed?.exitCode !== exitCode || typeof parsed.failed.message !== 'string') {
    throw new Error(`stdout is not a failure object with exit code ${exitCode}: ${lines[0].slice(0, 200)}`);
  }
  return parsed.failed.message;
}
