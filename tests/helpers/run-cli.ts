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
