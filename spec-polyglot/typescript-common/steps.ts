// Shared by the TypeScript conformance programs: reads the scenario, runs each step with the
// program's client and writes the results file. Arguments: scenario file, results file, API base
// URL, API key, auth code.
import * as fs from "fs";

export type Json = any;

export interface Connection {
  /** The API base without its trailing slash, as the generated Configuration's basePath. */
  basePath: string;
  username: string;
  password: string;
}

/**
 * Runs every step: `perform` answers the observation of a step; when it throws, `errorBody`
 * answers `{status, body}` for an HTTP error of a step that expects one (or undefined).
 */
export async function runScenario(
  perform: (connection: Connection) => (step: Json) => Promise<Json>,
  errorBody: (error: unknown) => Promise<{ status: number; body: Json } | undefined>,
): Promise<void> {
  const [scenarioFile, resultsFile, url, apiKey, authCode] = process.argv.slice(2);
  const run = perform({ basePath: url.replace(/\/$/, ""), username: apiKey, password: authCode });
  const scenario = JSON.parse(fs.readFileSync(scenarioFile, "utf8"));
  const results: Record<string, Json> = {};
  for (const step of scenario.steps) {
    try {
      results[step.id] = { observed: await run(step) };
    } catch (e) {
      const error = step.expect_error ? await errorBody(e) : undefined;
      results[step.id] = error ? { observed: error } : { error: String(e instanceof Error ? e.stack ?? e.message : e) };
    }
  }
  fs.writeFileSync(resultsFile, JSON.stringify({ steps: results }, null, 2));
}
